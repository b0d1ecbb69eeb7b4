/**
 * What happened in the panel, independent of the panel: DirectAdmin hooks and cPanel hook payloads are both
 * turned into these events, and provisioning only ever sees events.
 */
export type PanelEvent =
  | {
      kind: "user-created";
      username: string;
      domain: string | undefined;
      package: string | undefined;
      ips: string[];
      creator: string | undefined;
      restore: boolean;
    }
  | { kind: "user-destroyed"; username: string }
  | { kind: "user-suspended"; username: string }
  | { kind: "user-activated"; username: string }
  /** The account moved to another hosting package (cPanel's Accounts::change_package; DirectAdmin has no such hook). */
  | { kind: "package-changed"; username: string; package: string }
  | { kind: "domain-created"; username: string; domain: string; ips: string[]; restore: boolean }
  | { kind: "domain-destroyed"; username: string | undefined; domain: string }
  | { kind: "domain-renamed"; username: string; from: string; to: string }
  /** `domain` is the domain the pointer points to; undefined when the panel did not say (cPanel parks on the main domain). */
  | { kind: "pointer-created"; username: string | undefined; pointer: string; domain: string | undefined }
  | { kind: "pointer-destroyed"; username: string | undefined; pointer: string; domain: string | undefined }
  | { kind: "zone-created"; username: string | undefined; domain: string; restore: boolean }
  /**
   * A zone another server of a DirectAdmin multi-server cluster pushed here (dns_create_post with
   * caller=create:raw_save). It belongs to the server that owns its account, not to the local admin the hook
   * names (docs/decisions/0013-directadmin-cluster-zones.md).
   */
  | { kind: "zone-pushed"; domain: string; restore: boolean }
  | { kind: "zone-deleted"; domain: string }
  /** Zone content changed; `env` keeps DirectAdmin's record lists as a fallback when the zone file cannot be read. */
  | { kind: "zone-written"; domain: string; env: Record<string, string> | undefined };

export type PanelEventKind = PanelEvent["kind"];
