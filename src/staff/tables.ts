export type StaffRole = 'owner' | 'staff';

export type StaffTable = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** argon2id; null until the invitation or setup link is used. */
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
};

/** One-time links (the first owner's setup link, staff invitations); only a hash of the token is stored. */
export type StaffTokenTable = {
  token_hash: string;
  purpose: 'setup' | 'invite';
  email: string | null;
  role: StaffRole;
  created_by: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
};

/** Server-side sessions; the cookie holds the id, the table only its hash. */
export type StaffSessionTable = {
  id_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string;
};

export type LoginFailureTable = {
  id: string;
  email_hash: string;
  at: string;
};

export type StaffTables = {
  staff: StaffTable;
  staff_tokens: StaffTokenTable;
  staff_sessions: StaffSessionTable;
  login_failures: LoginFailureTable;
};
