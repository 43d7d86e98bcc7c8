-- edict claim history, schema 1 (SQLite). docs/history.md says what is
-- recorded. A claim is known once per payer and claim id; the lines of the
-- claims whose status is 'active' are the history claims are judged with.
-- Both tables are WITHOUT ROWID: each is one b-tree in the order of its key,
-- so a line costs one insert where a rowid table and its key index cost two.
CREATE TABLE claims (
  payer         TEXT NOT NULL,
  claim_id      TEXT NOT NULL,
  patient_id    TEXT NOT NULL DEFAULT '',
  -- active: its lines are history; replaced, voided: a later claim took its
  -- place or removed it; void: it is itself a void (frequency 8).
  status        TEXT NOT NULL CHECK (status IN ('active', 'replaced', 'voided', 'void')),
  frequency     INTEGER NOT NULL DEFAULT 1 CHECK (frequency IN (1, 7, 8)),
  replaces      TEXT NOT NULL DEFAULT '',
  superseded_by TEXT NOT NULL DEFAULT '',
  ruleset       TEXT NOT NULL DEFAULT '',
  version       TEXT NOT NULL DEFAULT '',
  recorded_at   TEXT NOT NULL,
  PRIMARY KEY (payer, claim_id)
) WITHOUT ROWID;

CREATE TABLE lines (
  payer         TEXT NOT NULL,
  claim_id      TEXT NOT NULL,
  line          INTEGER NOT NULL CHECK (line >= 1),
  patient_id    TEXT NOT NULL,
  code          TEXT NOT NULL,
  -- up to four two-character modifiers, separated by spaces
  modifiers     TEXT NOT NULL DEFAULT '',
  -- the date of service, YYYY-MM-DD
  service_date  TEXT NOT NULL,
  -- the rendering provider's NPI: the line's own, else its claim's
  provider      TEXT NOT NULL DEFAULT '',
  billed_units  INTEGER NOT NULL CHECK (billed_units >= 0),
  allowed_units INTEGER NOT NULL CHECK (allowed_units >= 0),
  -- the strongest action taken on the line, or none
  action        TEXT CHECK (action IN ('deny', 'modify', 'review', 'flag')),
  -- The table is one b-tree in the order of this key: a patient's lines are
  -- one range (a batch fetches one range per patient, keeping its payer's
  -- lines), ordered by code and date within it (the look-up of a code over
  -- a window of dates). One insert per line, where a rowid table with an
  -- index for each look-up costs three; and a claim's lines, in one range,
  -- are mostly on one page. A claim's lines are only ever written with its
  -- `claims` row, in the same transaction, after its old lines are removed:
  -- the key of `claims` is what makes a double record impossible.
  PRIMARY KEY (patient_id, code, service_date, payer, claim_id, line)
) WITHOUT ROWID;
