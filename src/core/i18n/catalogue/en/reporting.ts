import type { reporting as pt } from '../pt-BR/reporting';

/** Messages and texts of the Diagnosis Report (Relatório de Diagnóstico). */
export const reporting: Record<keyof typeof pt, string> = {
  'reporting.not-ready':
    'The diagnosis report is available once the review approves the diagnosis; this assessment is "{state}".',

  'reporting.document.title': 'MigraCidades Diagnosis Report {year} — {place}',
  'reporting.document.footer': 'MigraCidades Diagnosis Report {year} · {place}',
  'reporting.document.header': 'Diagnosis Report (Relatório de Diagnóstico)',
  'reporting.document.page': 'Page {page} of {pages}',

  'reporting.cover.brand-iom': 'IOM Brazil · UN Migration',
  'reporting.cover.brand-university': 'Federal University of Rio Grande do Sul',
  'reporting.cover.kicker': 'MigraCidades · {year} edition',
  'reporting.cover.title': 'Diagnosis Report',
  'reporting.cover.subtitle': 'Local migration governance · Relatório de Diagnóstico',
  'reporting.cover.place': '{kind} · {state} ({uf}) · {region} region',
  'reporting.cover.dates': 'Diagnosis approved on {approved} · Report generated on {generated}',
  'reporting.cover.partners':
    'International Organization for Migration (IOM) · Federal University of Rio Grande do Sul (UFRGS) · with the National School of Public Administration (ENAP)',
  'reporting.index.name': 'MigraCidades Index',
  'reporting.index.label': 'MigraCidades Index {year}',

  'reporting.toc.title': 'Contents',
  'reporting.section.general': 'General information',
  'reporting.section.platform': 'About the platform',
  'reporting.section.how-to-read': 'How to read this report',
  'reporting.section.overview': 'Overall diagnosis',
  'reporting.section.good-practices': 'Good practices',
  'reporting.section.groups': 'Results by indicator group',
  'reporting.section.priorities': 'Chosen priorities',
  'reporting.section.progress': 'Progress across editions',

  'reporting.info.government': 'Government',
  'reporting.info.kind': 'Type',
  'reporting.info.state': 'State',
  'reporting.info.region': 'Region',
  'reporting.info.ibge-code': 'IBGE code',
  'reporting.info.population': 'Estimated population (IBGE)',
  'reporting.info.migrants': 'Registered international migrants (SISMIGRA)',
  'reporting.info.submitted': 'Information submitted by the government on',
  'reporting.info.approved': 'Diagnosis approved by the review on',
  'reporting.info.people': 'Reference people in the {year} edition',
  'reporting.info.role': 'Role',
  'reporting.info.name': 'Name',
  'reporting.info.department': 'Department',
  'reporting.info.contact': 'Contact',
  'reporting.info.migrant-service': 'Local service for migrants',
  'reporting.info.phone': 'Phone',
  'reporting.info.email': 'E-mail',
  'reporting.info.address': 'Address',
  'reporting.info.not-informed': 'not informed',
  'reporting.info.population-value': '{count} inhabitants (IBGE, {year})',
  'reporting.info.population-value-no-year': '{count} inhabitants (IBGE)',
  'reporting.role.focal': 'Focal person',
  'reporting.role.substitute': 'Substitute',
  'reporting.kind.municipality': 'Municipality',
  'reporting.kind.state': 'State',
  'reporting.kind.federal-district': 'Federal District',
  'reporting.region.north': 'North',
  'reporting.region.northeast': 'Northeast',
  'reporting.region.central-west': 'Central-West',
  'reporting.region.southeast': 'Southeast',
  'reporting.region.south': 'South',

  'reporting.about.intro':
    '{platform} is the platform of the International Organization for Migration (IOM) in Brazil for improving local migration governance. It was built from the Migration Governance Indicators (MGI) of IOM and adapted to the Brazilian context with the National School of Public Administration (ENAP). The Selo MigraCidades (the MigraCidades seal) is issued in partnership with the Federal University of Rio Grande do Sul (UFRGS), whose team validates the information the governments provide.',
  'reporting.about.editions':
    'Municipalities, states and the Federal District take part every year. An edition has five stages:',
  'reporting.about.step.enrolment': 'Enrolment',
  'reporting.about.step.enrolment-text':
    'a letter of intent signed by the head of government and the appointment of a focal person, who takes the ENAP course on local migration governance.',
  'reporting.about.step.diagnosis': 'Diagnosis',
  'reporting.about.step.diagnosis-text':
    'the government answers the questionnaire of the indicator groups, with evidence (laws, web pages, documents); IOM and UFRGS validate it item by item.',
  'reporting.about.step.prioritisation': 'Prioritisation',
  'reporting.about.step.prioritisation-text':
    'from the gaps revealed, the government chooses the priorities it commits to improve.',
  'reporting.about.step.certification': 'Certification',
  'reporting.about.step.certification-text':
    'governments that complete every stage receive the Selo MigraCidades and this Diagnosis Report.',
  'reporting.about.step.monitoring': 'Monitoring',
  'reporting.about.step.monitoring-text': 'in the next edition, the government reports how its chosen priorities went.',
  'reporting.about.engagement':
    'The seal recognises the engagement of the government in every stage. The score is not a pass mark: it is a picture of local migration governance that lets progress be followed from one edition to the next.',
  'reporting.about.groups': 'The indicator groups',
  'reporting.dimension.governance': 'Institutions and governance',
  'reporting.dimension.rights-and-services': 'Access to rights and services',

  'reporting.table.number': 'No.',
  'reporting.table.group': 'Group',
  'reporting.table.dimension': 'Dimension',
  'reporting.table.level': 'Level',
  'reporting.table.score': 'Score',
  'reporting.table.item': 'Item',
  'reporting.table.commitment': 'Commitment',
  'reporting.table.item-commitment': 'Item and commitment',
  'reporting.table.reported-progress': 'Reported progress',

  'reporting.how.scoring': 'From answer to score',
  'reporting.how.answers':
    'Most items are answered {yes}, {partial} or {no}, worth 100, 50 and 0 points. In choice items each option carries its own points; in number items the score follows bands of values.',
  'reporting.how.not-applicable':
    '{notApplicable} takes the item out of the calculation. Informative items (years, remarks, documents) are not scored and appear as complementary information.',
  'reporting.how.evidence':
    'A positive answer that requires proof counts only once the review accepts its evidence. When the review adjusts an answer, the rating of the review applies.',
  'reporting.how.group-score':
    'The {groupScore} is the weighted mean of its items, from 0 to 100. The {index} is the simple mean of the group scores.',
  'reporting.how.group-score-term': 'score of each group',
  'reporting.how.versions':
    'Every score records the questionnaire version it was computed with. When a questionnaire changes version, scores stay on the 0 to 100 scale and can be compared across editions.',
  'reporting.how.levels': 'Maturity levels',
  'reporting.how.chapters': 'The group chapters',
  'reporting.how.chapters-intro':
    'Each indicator group has a chapter with the score and level of the group and its items sorted into:',
  'reporting.how.legend.met': 'items fully met (100 points).',
  'reporting.how.legend.partial': 'items partly met, with recommendations.',
  'reporting.how.legend.missing': 'items not met, with recommendations.',
  'reporting.how.legend.not-applicable': 'items left out of the calculation for this government.',
  'reporting.how.recommendations':
    'The recommendations suggest ways forward, written for each indicator group; it is up to the government to adapt them to its own context. The report ends with the priorities the government chose and how its scores changed across the editions it took part in.',
  'reporting.level.range': '{from} to under {to}',
  'reporting.level.range-last': '{from} to 100',
  'reporting.level.no-score': 'no score',
  'reporting.level.no-index': 'no index',
  'reporting.level-meaning.initial': 'migration governance actions are only beginning and much is still to be built',
  'reporting.level-meaning.developing': 'actions exist, but many are still one-off or weakly institutionalised',
  'reporting.level-meaning.consolidated':
    'structures, rules and services are established in most of the themes assessed',
  'reporting.level-meaning.reference':
    'the government brings together solid practices and can serve as a reference for other governments',

  'reporting.overview.scores': 'Score by indicator group',
  'reporting.summary.no-index': '{place} has no MigraCidades Index in this edition: {explanation}',
  'reporting.summary.index':
    '{place} obtained a MigraCidades Index of {index} in the {year} edition, at the maturity level {level}: {meaning}.',
  'reporting.summary.items': 'Of the {scored}, {met}, {partial} and {missing}',
  'reporting.summary.scored.one': '{count} scored item',
  'reporting.summary.scored.other': '{count} scored items',
  'reporting.summary.met.one': '{count} is fully met',
  'reporting.summary.met.other': '{count} are fully met',
  'reporting.summary.not-applicable.one': '{count} does not apply to this government',
  'reporting.summary.not-applicable.other': '{count} do not apply to this government',
  'reporting.count.met.one': '{count} met',
  'reporting.count.met.other': '{count} met',
  'reporting.count.partial.one': '{count} partly met',
  'reporting.count.partial.other': '{count} partly met',
  'reporting.count.missing.one': '{count} not met',
  'reporting.count.missing.other': '{count} not met',
  'reporting.count.not-applicable.one': '{count} not applicable',
  'reporting.count.not-applicable.other': '{count} not applicable',
  'reporting.strengths.none': 'No group had scorable items in this edition.',
  'reporting.strengths.all-equal': 'All the groups assessed have the same score ({score}).',
  'reporting.strengths.strongest.one': 'The group with the best result is {names}.',
  'reporting.strengths.strongest.other': 'The groups with the best result are {names}.',
  'reporting.strengths.weakest.one': 'The group that most needs attention is {names}.',
  'reporting.strengths.weakest.other': 'The groups that most need attention are {names}.',
  'reporting.strengths.name': '“{title}” ({score})',
  'reporting.strengths.more.one': '{names} and {count} more group',
  'reporting.strengths.more.other': '{names} and {count} more groups',
  'reporting.list.last': '{first} and {last}',
  'reporting.chart.index': 'Index {index}',

  'reporting.practices.lead':
    'Practices recorded by {place} and approved by the IOM and UFRGS review. They are also part of the public bank of good practices of MigraCidades.',
  'reporting.practices.since': 'Since {year}',
  'reporting.practices.none': 'No good practice of {place} was approved by the review in this edition.',

  'reporting.chapter.eyebrow': 'Group {number} · {dimension}',
  'reporting.chapter.heading': 'Group {number} — {title}',
  'reporting.chapter.version': 'Questionnaire v{version}',
  'reporting.chapter.met': 'What already exists',
  'reporting.chapter.partial': 'What partly exists',
  'reporting.chapter.missing': 'What is missing',
  'reporting.chapter.not-applicable': 'Not applicable',
  'reporting.chapter.complementary': 'Complementary information',
  'reporting.chapter.practices': 'Good practices recognised in this group:',
  'reporting.chapter.practices-see': '(see the Good practices section).',
  'reporting.chapter.priorities': 'Priorities chosen in this group',
  'reporting.item.answer': 'Answer:',
  'reporting.item.points': '{points} of 100 points',
  'reporting.item.adjustment': 'Review adjustment',
  'reporting.item.adjustment-text':
    'The government answered “{official}”; the review rated it “{reviewer}”. Justification: {note}',
  'reporting.item.evidence': 'Validated evidence:',
  'reporting.item.recommendation': 'Recommendation',
  'reporting.answer.yes': 'Yes',
  'reporting.answer.partial': 'Partly',
  'reporting.answer.no': 'No',
  'reporting.answer.not-applicable': 'Not applicable',
  'reporting.answer.none': 'No answer',
  'reporting.answer.no-option': 'None of the options',
  'reporting.answer.uploaded': 'Document uploaded to the platform',
  'reporting.zero.missing-evidence':
    'The answer is positive, but no evidence was provided: the item counts as 0 until it is proven.',
  'reporting.zero.pending-evidence':
    'The answer is positive, but the review did not accept its evidence: the item counts as 0 until it is proven.',
  'reporting.zero.unanswered': 'Item not answered: it counts as 0.',

  'reporting.priorities.lead':
    'After its diagnosis was approved, {place} chose the priorities it commits to improve by the next edition, among the items not yet fully met.',
  'reporting.priorities.none': 'No priority was recorded.',
  'reporting.priorities.previous': 'Progress on the priorities of the {year} edition',
  'reporting.progress-status.achieved': 'Achieved',
  'reporting.progress-status.in-progress': 'In progress',
  'reporting.progress-status.not-started': 'Not started',
  'reporting.progress-status.not-reported': 'Progress not reported',

  'reporting.progress.first':
    'This is the first edition in which {place} has an approved diagnosis in MigraCidades. Progress will appear in the reports of the next editions.',
  'reporting.progress.since':
    '{place} has taken part in MigraCidades since {year}. The table shows the index and the scores of each group in every edition with an approved diagnosis.',
  'reporting.progress.rose':
    '{place} has taken part in MigraCidades since {year}. Compared with the {previous} edition, the index rose {change} points, from {before} to {after}.',
  'reporting.progress.fell':
    '{place} has taken part in MigraCidades since {year}. Compared with the {previous} edition, the index fell {change} points, from {before} to {after}.',
  'reporting.progress.same':
    '{place} has taken part in MigraCidades since {year}. Compared with the {previous} edition, the index stayed at {after}.',
  'reporting.progress.version-in': 'v{version} in {year}',
  'reporting.progress.version-note':
    'The questionnaire of this group changed version ({versions}); scores stay on the 0 to 100 scale and can be compared.',
  'reporting.progress.by-edition': 'MigraCidades Index by edition',
  'reporting.progress.change': 'Change',
  'reporting.progress.note': 'Change: the difference between the last two editions. "—": no score in that edition.',
  'reporting.progress.groups-chart': 'Group scores by edition',
  'reporting.chart.legend': 'Chart legend',
  'reporting.chart.index-line': 'MigraCidades Index {year} (dashed line)',
  'reporting.chart.trend-line': 'MigraCidades Index in each edition',
};
