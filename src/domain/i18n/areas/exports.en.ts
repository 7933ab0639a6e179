/** The Export menu and the fixed text inside exported files, in English (Welsh: exports.cy.ts). */
export const exportsEn = {
  'export.button': 'Export',
  'export.formats': 'Export formats',
  'export.docx.label': 'Word document (.docx)',
  'export.docx.hint': 'Opens in Word, LibreOffice and Google Docs',
  'export.md.label': 'Markdown (.md)',
  'export.md.hint': 'Plain text with formatting marks',
  'export.html.label': 'Web page (.html)',
  'export.html.hint': 'One file that opens in any browser',
  'export.print.label': 'Print or save as PDF',
  'export.print.hint': 'Uses your browser’s print dialog',
  'export.preparing': 'Preparing the file…',
  'export.downloaded': 'Downloaded {file}',
  'export.failed': 'The file could not be made: {reason}',
  // Inside the exported file
  'export.untitled': 'Untitled',
  'export.detail.type': 'Type',
  'export.detail.date': 'Date',
  'export.detail.council': 'Council',
  'export.detail.place': 'Place',
  'export.detail.participants': 'Participants',
  'export.detail.tags': 'Tags',
  'export.councils': 'Councils:'
} as const
