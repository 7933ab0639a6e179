export function connectSourcesFromEnv(env?: Record<string, string | undefined>): string[]
export function scriptHash(code: string): string
export function inlineScriptsOf(html: string): string[]
export function contentSecurityPolicy(options: { inlineScripts?: string[]; connectSources?: string[]; forHeader?: boolean }): string
export function appSecurityHeaders(indexHtml: string, env?: Record<string, string | undefined>): Record<string, string>
