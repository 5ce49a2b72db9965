import type { progress as pt } from '../pt-BR/progress';

/** Messages: progress over the editions, comparison with peers, priorities and their progress. */
export const progress: Record<keyof typeof pt, string> = {
  'progress.compare.absent-before': 'Group absent from the earlier edition: nothing to compare.',
  'progress.compare.absent-after': 'Group absent from the later edition: nothing to compare.',
  'progress.compare.version-unpublished':
    'Version {version} of the «{group}» questionnaire is not published: no item is comparable.',
  'progress.compare.unrelated-versions':
    'Questionnaire versions {from} and {to} do not descend from one another: no item is comparable.',
  'progress.compare.item-removed':
    'Item only in version {from} of the questionnaire (removed in version {to}): left out of the comparison.',
  'progress.compare.item-new':
    'Item new in version {to} of the questionnaire (not in version {from}): left out of the comparison.',
  'progress.compare.same-questionnaire': 'Same questionnaire (version {version}): every item compared.',
  'progress.compare.shared-items':
    'Questionnaire from version {from} to version {to}: {compared} items compared through the key map ({renamed} renamed); {removed} removed and {added} new are left out of the comparison. On the comparable items counted in both editions ({counted}): {before} → {after}.',
  'progress.compare.scoring-changed': 'Different scoring rules ({from} → {to}).',
  'progress.compare.group-score': 'Published score: {before} → {after}.',
  'progress.compare.group-score-delta': 'Published score: {before} → {after} ({delta}).',
  'progress.compare.index': 'Index {from}: {before}; {to}: {after}.',
  'progress.compare.index-delta': 'Index {from}: {before}; {to}: {after} ({delta}).',
  'progress.compare.group-name': '«{name}»',
  'progress.compare.index-scope-changed':
    'The questionnaire changed in the groups {groups}: the index change includes that change of scope.',
  'progress.compare.index-same': 'Same questionnaires in both editions.',
  'progress.history.no-counterpart': 'The item has no counterpart in the {year} questionnaire: not comparable.',
  'progress.history.none': 'No edition with an approved diagnosis.',
  'progress.history.summary':
    'Editions with an approved diagnosis: {years}. Each edition is compared with the previous approved one; items without a counterpart between questionnaire versions are listed as not comparable.',
  'progress.band.up-to-5k': 'Up to 5,000 inhabitants',
  'progress.band.5k-10k': '5,001 to 10,000 inhabitants',
  'progress.band.10k-20k': '10,001 to 20,000 inhabitants',
  'progress.band.20k-50k': '20,001 to 50,000 inhabitants',
  'progress.band.50k-100k': '50,001 to 100,000 inhabitants',
  'progress.band.100k-500k': '100,001 to 500,000 inhabitants',
  'progress.band.over-500k': 'Over 500,000 inhabitants',
  'progress.region.Norte': 'North',
  'progress.region.Nordeste': 'Northeast',
  'progress.region.Sudeste': 'Southeast',
  'progress.region.Sul': 'South',
  'progress.region.Centro-Oeste': 'Centre-West',
  'progress.peers.state.municipality': 'Municipalities of {state}',
  'progress.peers.region.municipality': 'Municipalities of the {region} region',
  'progress.peers.region.state': 'States of the {region} region',
  'progress.peers.band': 'Municipalities in the class "{band}"',
  'progress.peers.national.municipality': 'Municipalities across Brazil',
  'progress.peers.national.state': 'States across Brazil',
  'progress.peers.explanation.municipality':
    'Medians of the approved assessments (approved, priorities set or certified) of edition {year}, among municipalities, including the government itself when approved.',
  'progress.peers.explanation.state':
    'Medians of the approved assessments (approved, priorities set or certified) of edition {year}, among states, including the government itself when approved.',
  'progress.peers.no-population': 'Without an imported population estimate there is no comparison by population band.',
  'progress.peers.difference': 'The difference is the government\u2019s score minus the median.',
  'progress.priorities.invalid': 'Invalid priorities: {count} problem(s).',
  'progress.priorities.unknown-item': 'not an item of this assessment',
  'progress.priorities.not-a-gap': 'only items not fully met can be priorities',
  'progress.priorities.duplicate': 'item repeated',
  'progress.report.only-government': 'Only the government reports progress on its priorities.',
  'progress.report.during-diagnosis':
    'Progress on priorities is reported during the diagnosis; the assessment is "{state}".',
  'progress.report.unknown-priority': 'not a priority of this government\u2019s previous edition',
  'progress.report.invalid': 'Invalid progress report: {count} problem(s).',
};
