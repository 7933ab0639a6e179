import type { exportsEn } from './exports.en'

/** Allforio: the Export menu and the fixed text inside exported files, in Welsh. */
export const exportsCy: Readonly<Record<keyof typeof exportsEn, string>> = {
  'export.button': 'Allforio',
  'export.formats': 'Fformatau allforio',
  'export.docx.label': 'Dogfen Word (.docx)',
  'export.docx.hint': 'Yn agor yn Word, LibreOffice a Google Docs',
  'export.md.label': 'Markdown (.md)',
  'export.md.hint': 'Testun plaen gyda marciau fformatio',
  'export.html.label': 'Tudalen we (.html)',
  'export.html.hint': 'Un ffeil sy’n agor mewn unrhyw borwr',
  'export.print.label': 'Argraffu neu gadw fel PDF',
  'export.print.hint': 'Yn defnyddio blwch argraffu eich porwr',
  'export.preparing': 'Yn paratoi’r ffeil…',
  'export.downloaded': 'Wedi lawrlwytho {file}',
  'export.failed': 'Nid oedd modd gwneud y ffeil: {reason}',
  'export.untitled': 'Heb deitl',
  'export.detail.type': 'Math',
  'export.detail.date': 'Dyddiad',
  'export.detail.council': 'Cyngor',
  'export.detail.place': 'Lle',
  'export.detail.participants': 'Cyfranogwyr',
  'export.detail.tags': 'Tagiau',
  'export.councils': 'Cynghorau:'
}
