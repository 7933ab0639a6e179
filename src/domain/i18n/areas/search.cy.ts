import type { searchEn } from './search.en'

/** Chwilio: the workspace search, in Welsh. */
export const searchCy: Readonly<Record<keyof typeof searchEn, string>> = {
  'search.label': 'Chwilio’r gweithle hwn',
  'search.placeholder': 'Chwilio (pwyswch /)',
  'search.keys': 'Mae canlyniadau’n ymddangos wrth i chi deipio. Defnyddiwch y saethau i fyny ac i lawr i symud drwyddynt ac Enter i agor un.',
  'search.filters': 'Hidlwyr',
  'search.filtersOn': 'Hidlwyr (ymlaen)',
  'search.results': 'Canlyniadau chwilio',
  'search.unavailable': 'Nid yw chwilio ar gael ar hyn o bryd.',
  'search.unavailableReload': 'Nid yw chwilio ar gael ar hyn o bryd. Ail-lwythwch y dudalen i roi cynnig arall arni.',
  'search.building': 'Yn paratoi’r chwilio…',
  'search.noneFiltered': 'Dim canlyniadau gyda’r hidlwyr hyn.',
  'search.none': 'Dim canlyniadau.',
  'search.found': '{count, plural, zero {# canlyniad} one {# canlyniad} two {# ganlyniad} few {# chanlyniad} many {# chanlyniad} other {# canlyniad}}.',
  'search.foundSome': '{count, plural, zero {# canlyniad} one {# canlyniad} two {# ganlyniad} few {# chanlyniad} many {# chanlyniad} other {# canlyniad}}, yn dangos y {shown} gorau.',
  'search.commentOn': 'Sylw ar {title}',
  'search.more': '{count} arall yn “{group}”: ychwanegwch air neu hidlydd i’w culhau.',
  'search.kind.note': 'Nodiadau',
  'search.kind.report': 'Adroddiadau',
  'search.kind.comment': 'Sylwadau',
  'search.kind.partner': 'Partneriaid, cysylltiadau, cynigion ac anghenion',
  'search.kind.board-note': 'Nodiadau bwrdd',
  'search.kind.lab-plan': 'Cynllun y labordy',
  'search.filter.kinds': 'Mathau (dim wedi’u dewis: y cyfan)',
  'search.filter.author': 'Awdur',
  'search.filter.anyone': 'Unrhyw un',
  'search.filter.council': 'Cyngor',
  'search.filter.anyCouncil': 'Unrhyw gyngor',
  'search.filter.from': 'O',
  'search.filter.to': 'I',
  'search.filter.clear': 'Clirio’r hidlwyr'
}
