export declare function nodeDistribution(version: string, log?: (line: string) => void): string;
