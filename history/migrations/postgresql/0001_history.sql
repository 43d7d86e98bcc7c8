-- edict claim history, schema 1 (PostgreSQL). docs/history.md says what is
-- recorded. A claim is known once per payer and claim id; the lines of the
-- claims whose status is 'active' are the history claims are judged with.
CREATE TABLE claims (
  payer         TEXT NOT NULL,
  claim_id      TEXT NOT NULL,
  patient_id    TEXT NOT NULL DEFAULT '',
  -- active: its lines are history; replaced, voided: a later claim took its
  -- place or removed it; void: it is itself a void (frequency 8).
  status        TEXT NOT NULL CHECK (status IN ('active', 'replaced', 'voided', 'void')),
  frequency     SMALLINT NOT NULL DEFAULT 1 CHECK (frequency IN (1, 7, 8)),
  replaces      TEXT NOT NULL DEFAULT '',
  superseded_by TEXT NOT NULL DEFAULT '',
  ruleset       TEXT NOT NULL DEFAULT '',
  version       TEXT NOT NULL DEFAULT '',
  recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (payer, claim_id)
);

CREATE TABLE lines (
  payer         TEXT NOT NULL,
  claim_id      TEXT NOT NULL,
  line          INTEGER NOT NULL CHECK (line >= 1),
  patient_id    TEXT NOT NULL,
  code          TEXT NOT NULL,
  -- up to four two-character modifiers, separated by spaces
  modifiers     TEXT NOT NULL DEFAULT '',
  service_date  DATE NOT NULL,
  -- the rendering provider's NPI: the line's own, else its claim's
  provider      TEXT NOT NULL DEFAULT '',
  billed_units  INTEGER NOT NULL CHECK (billed_units >= 0),
  allowed_units INTEGER NOT NULL CHECK (allowed_units >= 0),
  -- the strongest action taken on the line, or none
  action        TEXT CHECK (action IN ('deny', 'modify', 'review', 'flag')),
  PRIMARY KEY (payer, claim_id, line)
);

-- A batch fetches the lines of its patients at their payers; frequency
-- limits look a patient's code up over a window of dates.
CREATE INDEX lines_by_patient_date ON lines (payer, patient_id, service_date);
CREATE INDEX lines_by_patient_code_date ON lines (patient_id, code, service_date);
