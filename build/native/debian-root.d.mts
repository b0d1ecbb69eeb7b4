export declare function debianRoot(log?: (line: string) => void): string;
