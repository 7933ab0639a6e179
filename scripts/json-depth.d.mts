export function jsonDepthWithin(text: string, maxDepth: number): boolean
