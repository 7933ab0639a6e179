import { LAB_OUTPUT_TEMPLATES } from './lab-output-templates'
import { section, type DocumentTemplate } from './template'

/**
 * Report templates. The CCIN lab report is the usual shape of a policy lab's write-up; its
 * level-1 headings become the report's sections, each assignable to a council and owner.
 */
export const REPORT_TEMPLATES: readonly DocumentTemplate[] = [
  {
    id: 'ccin-lab-report',
    name: 'CCIN lab report',
    description:
      'Summary, background, method, findings, case studies, recommendations, values and principles, next steps.',
    title: 'Lab report',
    blocks: [
      ...section('Summary'),
      ...section('Background'),
      ...section('Method'),
      ...section('Findings'),
      ...section('Case studies'),
      ...section('Recommendations'),
      ...section('Values and principles'),
      ...section('Next steps')
    ]
  },
  {
    id: 'blank-report',
    name: 'Blank report',
    description: 'An empty report; add your own sections as level 1 headings.',
    title: 'Untitled report',
    blocks: [{ type: 'paragraph', text: '' }]
  },
  ...LAB_OUTPUT_TEMPLATES
]

export const findReportTemplate = (id: string): DocumentTemplate | null =>
  REPORT_TEMPLATES.find((t) => t.id === id) ?? null
