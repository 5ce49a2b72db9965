/**
 * The most common passwords and the words they are built from (world-wide lists, Brazilian ones, the
 * programme's own words), lower-cased, without accents. Short ones matter too: the policy strips the digits
 * and symbols around a password and undoes look-alike letters before looking it up ("Senha@2024" is "senha").
 */
const LIST = `
0000 00000 000000 00000000 000000000000 007007 01012011 010203 098765 0987654321 098765432109 101010
101010101010 102030 1111 11111 111111 1111111 11111111 111111111111 111222 111222333444 112233 11223344
112233445566 1212 121212 12121212 121212121212 123123 123123123 123123123123 1232323q 123321 1234 12341234
123412341234 12344321 12345 1234512345 1234554321 123456 1234567 12345678 1234567812345678 123456789
1234567890 123456789012 1234567890123 12345678901234 123456789123 123456789a 123456a 123456q 12345a 12345q
12345qwert 1234abcd1234 1234qwer 1234qwer1234 123654 123654789 123789 123abc 123mudar 123qwe 123qweasdzxc
12qwaszx 1313 131313 135792468 141414 147147 147258 147258369 147258369147 147852 147852369 159357 159753
159753159753 1969 1979 1980 1984 1985 1986 1987 1988 1989 1990 1991 1992 1993 1994 1q2w3e4r 1q2w3e4r5t
1q2w3e4r5t6y 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u8i9o0p 1qaz2wsx 1qaz2wsx3edc 1qaz2wsx3edc4rfv 1qazxsw2 2000 2112
212121 2222 222222 232323 242424 246813579 252525 315475 3333 333333 420420 4321 4444 444444 4815162342 5150
54321 5555 55555 555555 55555555 654321 666666 696969 69696969 741852963 7654321 7777 777777 7777777 77777777
789456 789456123 789654123 8675309 87654321 888888 88888888 963852741 987654 98765432 987654321 987654321098
9999 999999 999999999999 a12345 a123456 aaaa aaaaaa aaaaaaaa aaaaaaaaaaaa abacaxi abc123 abc123abc123
abcabcabcabc abcd1234 abcd1234abcd abcdef abcdefg abcdefghijkl abcdefghijklmnop abril access acessar acesso
acnur acre action adidas admin admin123456 admin12345678 adminadmin administrador administrator administrator1
adrian adriana adriano agosto aguia airborne alagoas alaska albert alegria aleluia alex alexande alexander
alexandre alexis aline allison amanda amapa amazonas amen america amor amoreterno amorzinho ana anderson andre
andrea andreia andrew andrey angel angela angels animal anjinho anjo anonovo anthony antonio aparecida apollo
apple apples april aracaju arsenal arthur asd123 asdasd asdf asdf1234 asdf1234asdf asdfasdf asdfasdfasdf
asdfgh asdfghjk asdfghjkl asdfghjkl123 asdfghjklzxcvbnm ashley atletico august austin autumn azerty baby
babygirl badass badboy badger bahia bailey banana bandit barbara barney baseball baseball123 basketball
basketball123 batman batman123 batterystaple bear beatles beatriz beaver beavis bebe bebezinha beer beijinho
beijo belem belohorizonte bemvindo benjamin bigboy bigdaddy bigdog bigred bill billy birdie bishop black
blazer blink182 blue boavista bond007 bonnie booboo booger boomer borboleta boston botafogo botafogo1904
brandon brandy brasil brasil123 brasilia braves brazil brian brigadeiro brittany bronco broncos brooklyn bruna
bruno brutus bubba bubbles buddha buddy budlight buffalo bulldog bulldogs buster butter cachorro calvin camaro
cameron camila campinas campogrande canada captain carla carlos carmen carnaval carolina caroline carter
cartman casper cassie cavalo ceara celtic centrooeste cerveja champion chance changeit changeme changeme123
charles charlie charlie1 cheese chelsea cherokee cherry chester chevy chicago chicken chocolate chris christin
churrasco cidade cidades cinco claudia claudio cocacola coffee college colorado compaq computer confidencial
convidado cookie cool cooper copper coracao corinthians corinthians1910 coritiba correcthorse
correcthorsebatterystaple corvette courtney cowboy cowboys creative cricket cristina cruzeiro cruzeiro1921
crystal cuiaba curitiba dakota dallas daniel daniela danielle darkness dave davi david death debbie debora
december default demo demo123 denise dennis destiny deus deuseamor deusefiel deusefielsempre dexter dez
dezembro diablo diamond diego diesel digital dinheiro disney distritofederal docinho doctor doggie dois
dolphin dolphins domingo domino donald donkey douglas dragao dragon dragon1 dragondragon dreams driver
drowssap drummer eagle eagle1 eagles eclipse edson eduardo edward eight einstein elaine elephant eliane eminem
enap enigma enter entrar esperanca espiritosanto estado estrela explorer fabiana fabio falcon familia family
fantasy fe february felicidade felipe fender fernanda fernando ferrari fevereiro fire fish fishing five
flamengo flamengo1981 flavio florianopolis florida florzinha flower fluffy fluminense flyers football
football1 football123 ford forest forever foreverlove fortaleza fortnite four francis francisco frank frankie
franklin fred freddy free freedom freeuser friday friend friends futebol gabriel gabriela galo galore gandalf
garfield gateway gatinha gatinho gato gators gemini general genesis genius george geraldo gfhjkm ghbdtn giants
gibson ginger girls gloria godzilla goiaba goiania goias goku golden golf golfer goober google gordon governo
green gregory gremio gremio1903 guest guilherme guinness guitar gunner gustavo hahaha hammer hannah happy
harley hawaii heather heaven hello hello1 hello123 helpdesk helpme hitman hockey hockey123 homemaranha homer
honda hooters horses hotdog hotrod howard hummer hunter iceman igor iloveyou iloveyou1 iloveyou123
iloveyou1234 iloveyoubaby iloveyouforever iloveyousomuch infinity inter1909 internacional internet inverno iom
ironman jack jackie jackson jaguar jake james janeiro january jaqueline jasmine jason jasper jennifer jeremy
jessica jessie jester jesus jesuscristo jesusmeama jesusteama jimmy joana joao joaopessoa john johnny johnson
jonathan jordan jordan23 jorge jose josefa joseph joshua julho julia juliana julio july june junho junior
jupiter justin kawasaki kelly kevin killer kimberly king kitten kitty klaster knight kristina lacrosse lakers
laranja larissa lasvegas lauren leandro leao legend leonardo leslie leticia letmein letmein123 letmein1234
letmeinplease liberty lifehack linda lindinha lindo lindona little liverpoo liverpool lizard lobo login lol123
london louise love lovely loveme lover lovers loveyou loveyouforever luana lucas lucia luciana luciano lucky
lucky1 luis luiz luzia macapa maceio maddog madison maggie magic magnum maio manaus manoel maranhao marcelo
march marcia marcio marco marcos marcus maria mariana marina marine mario mark marlboro marlene marley
marshall martin marvin maryjane master master1 masterkey masterpassword mateus matheus matogrosso matrix
matthew maverick maximus maxwell may melanie melissa member mengao mercedes mercury merlin metallic metallica
meuamor meusfilhos mexico michael michelle michigan mickey midnight migracao migracidade migracidades migrante
migrantes mike miller minasgerais minecraft minecraft123 minhafamilia minhasenha minhasenhaforte
minhasenhasecreta minhavida mnbvcxz mobilemail mom monday money money1 monica monitor monitoring monkey
monkey1 monkeymonkey monster montana moon morango morgan moscow mother mountain mozart mudar mudar123 muffin
municipio murphy music mustang naruto nascar natal natalia natalie natasha nathan ncc1701 nelson newyork
nicholas nicole nikita nine nintendo nirvana nissan nopassword nordeste norman norte nosenha nothing novasenha
nove november novembro obrigado october oim oito oksana oliver olivia one online onu opensesame orange ou812
outono outubro p4ssw0rd p4ssword packers padrao pagode paixao pakistan palmas palmeiras palmeiras1914 pamela
pantera panther para paradise paraiba parana parker pascoa pass passarinho passion passport passw0rd
passw0rd123 passwd password password! password1 password123456 password12345678 passwordpassword patches
patricia patrick paul paulo pavilion peaches peanut pedro penguin pepper pernambuco peter phantom phoenix
piaui pikachu pimpin platinum playboy player please pleaseletmein pokemon pokemon123 police poohbear pookie
poopoo popcorn porsche portoalegre portovelho power pppppp prefeitura primavera prince princesa princesinha
princess princess1 princess123 privado private pumpkin purple q1w2e3 q1w2e3r4 q1w2e3r4t5 q1w2e3r4t5y6
q1w2e3r4t5y6u7i8 qazwsx qazwsxedc qazwsxedcrfv qazwsxedcrfvtgb qazxsw qqqqqq quarta quatro querida querido
quinta qwaszx qwe123 qweasd qweasdzxc qweasdzxc123 qweqwe qwer1234 qwer1234qwer qwert qwerty qwerty1 qwerty12
qwerty123 qwerty123456 qwerty12345678 qwertyqwerty qwertyu qwertyui qwertyuiop qwertyuiop12 qwertyuiop123
qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm rabbit rachel racing rafael rafaela raider raiders raimunda
raimundo rainbow ranger rangers raquel rascal razz rebecca recife red123 reddog redrum redskins redsox
redwings refugiado refugiados renata renato ricardo richard rio riobranco riodejaneiro riograndedosul rita
robert roberto roblox rock rocket rocky rodrigo rogerio ronaldo rondonia root rootroot roraima rosa rosangela
rosebud runner rush2112 ruslan russia sabado sabrina salvador samantha samba sammy samson samsung samuel
sandman sandra santacatarina santos santos1912 saoluis saopaulo saopaulo1930 saturday saturn saudade scarface
school scooby scooter scorpio scorpion scotland scott scotty secret security segredo segredos segunda seis
semperfi semsenha senha senha123 senha1234 senhadificil senhafacil senhaforte senhasecreta senhasenha senhor
senhorjesus september sergey sergio sergipe server servidor sete setembro seven sexta shadow shadow1 shadow123
shannon sharon shelby shorty sierra silver simone simple simpsons sistema six skippy slayer slipknot smokey
snickers sniper snoopy snowball soccer soccer123 softball sonia sonic sophie sorriso sparky speedy spencer
spider spirit spitfire spooky sport spring stalker stanley star stargate startrek starwars starwars123
steelers stella stephen steve steven stupid success sucesso sudeste sul summer sunday sunshine sunshine1
sunshine123 superadmin superman superman1 superman123 superuser suporte support surfer suzuki svetlana sweet
swordfis sydney system tartaruga taylor teamo teamomuito ten tennis terca teresa teresina terezinha test
test123 teste teste123 tester testing theman thequickbrownfox thequickbrownfoxjumpsoverthelazydog therock
thiago thomas three thumper thunder thursday thx1138 tiago tiffany tiger tigers tigger tigre timao tocantins
tomcat toor topgun toyota travis tres tricolor trinity trocar trocarsenha trouble trustno1 trustno1trustno1
tucker tuesday turtle two um united user usuario vampire vanessa vasco vasco1898 vascodagama vera verao verdao
veronica vfhbyf victor victoria vida vidaloka viking vikings vincent vingadores vinicius viper vitor vitoria
vladimir voodoo voyager walker walter warrior wednesday welcome welcome1 welcome123 welcome1234 westside
whatever wildcats william williams willie willow wilson winner winston winter wizard xavier xxxxxx xxxxxxxx
yamaha yankee yankees yellow zaq12wsx zaq1xsw2cde3 zxcvbn zxcvbnm zxcvbnmzxcvbnm zyxwvutsrqpo zzzzzz
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
