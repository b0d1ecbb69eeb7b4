export declare const NODE_VERSIONS: string[];
export declare const CEILINGS: { GLIBC: string; GLIBCXX: string };
export declare const DEBIAN: { suite: string; mirror: string };
export declare const PLATFORM: string;
