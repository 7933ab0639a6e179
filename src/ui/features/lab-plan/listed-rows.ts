/*
 * How many rows of a long part of the plan are drawn before "Show all". A plan of 40 outcomes
 * and 300 budget lines drew and laid out every row on opening, which took over a second on a
 * busy laptop; nobody reads 300 lines at a glance. The totals and the summary always count
 * every row, and the row being changed is always listed.
 */
export const BUDGET_LINES_LISTED = 25
/** Fewer outcomes than lines: each brings its measures table and evidence picker. */
export const OUTCOMES_LISTED = 10
