/** "1 partner", "2 partners", "1,500 relationships": a count and the word for it. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`
