export interface SymbolVersions {
  GLIBC: string | undefined;
  GLIBCXX: string | undefined;
}
export declare function highestSymbolVersions(file: string): SymbolVersions;
export declare function aboveCeilings(versions: SymbolVersions): string[];
export declare function describeVersions(versions: SymbolVersions): string;
export declare function compareVersions(a: string, b: string): number;
