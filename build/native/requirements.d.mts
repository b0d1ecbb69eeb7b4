export declare function requireRootTools(what: string, tools?: string[]): void;
