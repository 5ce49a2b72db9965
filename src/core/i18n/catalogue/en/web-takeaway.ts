import type { webTakeaway as pt } from '../pt-BR/web-takeaway';

/** Texts of what the official takes away: seal, report, printable view, progress. */
export const webTakeaway: Record<keyof typeof pt, string> = {
  'web.documents.title': 'Documents of the edition',
  'web.documents.crumb.diagnosis': 'Diagnosis',
  'web.documents.intro': 'What the {year} edition of {government} offers to take away.',
  'web.documents.available': 'Available',
  'web.documents.unavailable': 'Not available yet',
  'web.documents.report.heading': 'Diagnosis report (Relatório de Diagnóstico)',
  'web.documents.report.about':
    'The edition\u2019s report as a PDF: general information, the government\u2019s overall diagnosis, one chapter per indicator group with what exists, what is missing and recommendations, and the priorities chosen.',
  'web.documents.report.download': 'Download the diagnosis report (PDF)',
  'web.documents.report.download-other': 'Download the Portuguese version (PDF)',
  'web.documents.report.not-ready':
    'The report is produced once the review approves the diagnosis. Current state: {state}.',
  'web.documents.seal.heading': 'Selo MigraCidades {year}',
  'web.documents.seal.about':
    'The certificate issued by the university with IOM, with a QR code and a verifiable credential: anyone can check it is in force from its number.',
  'web.documents.seal.number': 'Number',
  'web.documents.seal.level': 'Level certified',
  'web.documents.seal.validity': 'Validity',
  'web.documents.seal.validity-value': 'from {from} to {until}',
  'web.documents.seal.status': 'Status',
  'web.documents.seal.verify': 'Public verification',
  'web.documents.seal.download': 'Download the seal (PDF)',
  'web.documents.seal.revoked': 'Revoked on {date}. Reason: {reason}',
  'web.documents.seal.no-level': 'no level',
  'web.documents.seal.not-issued':
    'The seal is issued by the university once every stage is complete: enrolment, diagnosis approved by the review, and priorities set. Current state: {state}.',
  'web.documents.seal.expected': 'Planned certification date of the edition: {date}.',
  'web.documents.print.heading': 'Printable diagnosis',
  'web.documents.print.about':
    'Every answer of the diagnosis with its evidence and each item\u2019s review status, on a page made for printing or saving as PDF. Items hidden by the answers are left out.',
  'web.documents.print.open': 'Open the printable version',
  'web.documents.print.pdf': 'Download the diagnosis as PDF',

  'web.print.title': 'Printable diagnosis',
  'web.print.heading': 'Diagnosis {year}: {government} ({uf})',
  'web.print.state': 'Status: {state}',
  'web.print.generated': 'Generated on {date}',
  'web.print.hint':
    'To print, use the browser\u2019s print command (Ctrl+P): the menu, accessibility bar and footer stay off the paper, and each group starts on a new page.',
  'web.print.pdf': 'Download as PDF',
  'web.print.back': 'Back to the documents',
  'web.print.group': '{number}. {title}',
  'web.print.answer': 'Answer',
  'web.print.evidence': 'Evidence',
  'web.print.evidence-link': 'Link: {url}',
  'web.print.evidence-file': 'File: {name}',
  'web.print.review': 'Review',
  'web.print.review.accepted': 'Accepted',
  'web.print.review.adjusted': 'Adjusted by the review to \u201c{rating}\u201d',
  'web.print.review.sent-back': 'Sent back for correction',
  'web.print.review-note': 'Reviewer\u2019s comment: {note}',
  'web.print.unanswered': 'No answer',
  'web.print.no-option': 'None of the options',
  'web.print.uploaded': 'Document uploaded to the platform',
  'web.print.carried': 'Answer carried from the previous edition',
  'web.print.empty-group': 'No item to show in this group.',

  'web.progress.title': 'Progress over the editions',
  'web.progress.heading': '{government} ({uf})',
  'web.progress.intro':
    'Scores from 0 to 100 of the editions with an approved diagnosis, and the comparison with similar governments. Each chart is followed by a table with the same figures.',
  'web.progress.none':
    'No edition has an approved diagnosis yet: progress shows here once the review approves the first diagnosis.',
  'web.progress.axis.score': 'Score (0 to 100)',
  'web.progress.axis.edition': 'Edition',
  'web.progress.column.group': 'Indicator group',
  'web.progress.column.edition': 'Edition',
  'web.progress.index.title': 'MigraCidades index by edition',
  'web.progress.index.desc': 'Index of {government} in each approved edition: {values}.',
  'web.progress.index.series': 'MigraCidades index',
  'web.progress.index.value': '{year}: {value}',
  'web.progress.groups.title': 'Score by indicator group in each edition',
  'web.progress.groups.desc':
    'Score of {government} in each of the {count} indicator groups, in the editions {editions}.',
  'web.progress.peers.title': 'Comparison with similar governments in the {year} edition',
  'web.progress.peers.desc':
    'Score of {government} and the median of each set of similar governments, for the index and each indicator group.',
  'web.progress.peers.median': 'Median: {label} ({count})',
  'web.progress.peers.none':
    'No similar government has an approved diagnosis in the {year} edition: the comparison shows once one has.',
  'web.progress.index-row': 'MigraCidades index',
  'web.progress.choose.heading': 'Choose the government',
  'web.progress.choose.label': 'IBGE code of the government',
  'web.progress.choose.hint': 'Seven digits for a municipality, two for a state (for example 4314902, Porto Alegre).',
  'web.progress.choose.submit': 'Show the progress',
  'web.progress.choose.invalid': 'IBGE code of the government: enter seven digits (municipality) or two (state).',
};
