/**
 * A keydown handler for a small form inside the partner dialog: Escape closes the form (and
 * only the form: the dialog around it stays open, as a person expects from a nested editor).
 */
export const escapeCloses =
  (close: () => void) =>
  (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    event.stopPropagation()
    close()
  }
