// The edict rule language: one ruleset per file.
// No embedded actions; alternatives are labelled so that the hand-written
// transformer (frontend/parse/) gets one typed context per construct.
// Words that look like codes, modifiers and numbers are all lexed as WORD:
// the checker decides what a word means from where it stands, which lets it
// say "`9714` is not a procedure code" instead of a bare syntax error.
grammar Edict;

file
    : header statement* EOF
    ;

header
    : 'ruleset' name=softWord title=STRING? headerItem*
    ;

headerItem
    : 'version' STRING                              # VersionItem
    | 'effective' from=DATE ('until' until=DATE)?   # EffectiveItem
    | 'extends' STRING                              # ExtendsItem
    | 'include' STRING                              # IncludeItem
    ;

statement
    : 'codes' name=softWord '=' codeItem+ ('except' excluded+=codeItem+)?              # CodeSetDecl
    | 'modifiers' name=softWord '=' modifierItem+ ('except' excludedMods+=modifierItem+)?  # ModifierSetDecl
    | 'places' name=softWord '=' placeItem+ ('except' excludedPlaces+=placeItem+)?   # PlaceSetDecl
    | 'diagnoses' name=softWord '=' diagnosisItem+                                  # DiagnosisSetDecl
    | override='override'? pairDecl                                                 # PairStmt
    | 'pairs' 'from' table=STRING ('format' format=WORD)? pairsClause*               # PairsFromStmt
    | override='override'? ruleDecl                                                 # RuleStmt
    | override='override'? modifierRule                                             # ModifierRuleStmt
    | override='override'? unitsDecl                                                # UnitsStmt
    | override='override'? limitDecl                                                # LimitStmt
    | override='override'? frequencyDecl                                            # FrequencyStmt
    | 'limits' 'from' table=STRING ('format' format=WORD)? limitsClause*             # LimitsFromStmt
    | 'disable' softWord                                                            # DisableStmt
    | testDecl                                                                      # TestStmt
    ;

// `test "name" { claim ... { LINE; LINE } expect ... }`: an example claim
// and the edits the ruleset must give it.
testDecl
    : 'test' name=STRING '{' testHistory? testClaim expectation* '}'
    ;

testClaim
    : 'claim' claimItem* '{' testLine (';' testLine)* ';'? '}'
    ;

// `history { claim A date D { LINE; ... } ... }`: claims paid before the
// test claim, the patient's history its edits may count.
testHistory
    : 'history' '{' priorClaim* '}'
    ;

priorClaim
    : 'claim' id=(WORD | STRING) claimItem* '{' testLine (';' testLine)* ';'? '}'
    ;

claimItem
    : 'date' DATE                                   # ClaimDate
    | 'payer' STRING                                # ClaimPayer
    | 'place' STRING                                # ClaimPlace
    | 'provider' STRING                             # ClaimProvider
    | 'patient' STRING                              # ClaimPatient
    | 'age' WORD                                    # ClaimAge
    | 'born' DATE                                   # ClaimBorn
    | 'sex' WORD                                    # ClaimSex
    | 'diagnoses' STRING+                           # ClaimDiagnoses
    ;

// `97110 GP 59 units 2 minutes 30`
testLine
    : code=WORD lineItem*
    ;

lineItem
    : WORD                                          # LineModifier
    | 'units' WORD                                  # LineUnits
    | 'minutes' WORD                                # LineMinutes
    | 'date' DATE                                   # LineDate
    | 'place' STRING                                # LinePlace
    | 'provider' STRING                             # LineProvider
    | 'charge' WORD                                 # LineCharge
    | 'allowed' WORD                                # LineAllowed
    ;

expectation
    : 'expect' 'nothing'                                                  # ExpectNothing
    | 'expect' 'line' line=WORD 'nothing'                                 # ExpectLineNothing
    | 'expect' 'no' 'rule' softWord                                       # ExpectNoRule
    | 'expect' target=('line' | 'claim') line=WORD? verb=('deny' | 'modify' | 'review' | 'flag' | 'reject')
      expectClause*                                                       # ExpectEdit
    ;

expectClause
    : 'rule' softWord                               # ExpectRule
    | 'reason' REASON                               # ExpectReason
    | 'units' WORD                                  # ExpectUnits
    ;

// A code (97110), a range of codes (97760..97763) or the name of a code set.
codeItem
    : first=softWord ('..' last=WORD)?
    ;

// A modifier (59, XE) or the name of a modifier set.
modifierItem
    : softWord
    ;

// A place of service ("12", or 12) or the name of a set of places.
placeItem
    : STRING                                        # PlaceText
    | softWord                                      # PlaceWord
    ;

// An ICD-10 code or pattern ("M54.50", "M54.5*") or the name of a set of them.
diagnosisItem
    : STRING                                        # DiagnosisText
    | softWord                                      # DiagnosisWord
    ;

// An NCCI procedure-to-procedure row: column 1 is paid, column 2 is denied.
pairDecl
    : 'pair' column1=WORD column2=WORD indicator rationale=STRING? pairClause*
    ;

indicator
    : 'modifier' 'allowed'                          # ModifierAllowed
    | 'modifier' 'not' 'allowed'                    # ModifierNotAllowed
    | 'modifier' 'not' 'applicable'                 # ModifierNotApplicable
    | 'indicator' value=WORD                        # IndicatorValue
    ;

pairClause
    : 'since' DATE                                  # SinceClause
    | 'until' DATE                                  # UntilClause
    | 'bypass' modifierItem+                        # BypassClause
    | 'reason' REASON                               # ReasonClause
    | 'id' softWord                                 # IdClause
    | 'keep' 'reverse'                              # KeepReverseClause
    ;

// Clauses of `pairs from`: what applies to every row of the table.
pairsClause
    : 'bypass' modifierItem+                        # TableBypass
    | 'reason' REASON                               # TableReason
    ;

// `units timed by total_time`: the minutes of the timed codes become units by
// a method (`total_time`, `per_code`, `nearest_15`); `units evaluations one
// per day`: untimed codes, billed one unit a day.
unitsDecl
    : 'units' codeItem+ 'by' method=WORD ruleClause*                 # TimedUnitsDecl
    | 'units' codeItem+ 'one' 'per' 'day' ruleClause*                # UntimedUnitsDecl
    ;

// `limit 97035 max 2 per day clinical`: a medically unlikely edit (MUE),
// optionally in force from `since` through `until`, like a pair's rows.
limitDecl
    : 'limit' code=WORD 'max' value=WORD limitScope rationale=STRING? limitClause*
    ;

limitClause
    : 'since' DATE                                  # LimitFrom
    | 'until' DATE                                  # LimitThrough
    | ruleClause                                    # LimitRuleClause
    ;

// How the limit is counted: CMS's MUE adjudication indicator 1 (per line),
// 2 (per day, policy) or 3 (per day, clinical), in words or as a number.
limitScope
    : 'per' 'line'                                  # PerLine
    | 'per' 'day' kind=WORD?                        # PerDay
    | 'indicator' value=WORD                        # LimitIndicator
    ;

// `limit 97161..97163 max 1 per 30 days`, `limit 97110 max 12 units per 7
// days`, `limit evaluations max 3 per calendar year`: how often the codes
// are paid to one patient, counting the claims paid before (history).
frequencyDecl
    : 'limit' codeItem+ 'max' value=WORD counted='units'? window ruleClause*
    ;

// A frequency limit's window: any N consecutive days, or a calendar year.
window
    : 'per' minus='-'? days=WORD 'days'             # PerDays
    | 'per' 'calendar' period=softWord              # PerCalendar
    ;

// Clauses of `limits from`: what applies to every row of the table.
limitsClause
    : 'reason' REASON                               # LimitsReason
    | 'since' DATE                                  # LimitsSince
    ;

// `require modifier GP GO GN on therapy`: a line of one of the codes must
// carry one of the modifiers (`forbid`: must carry none of them).
modifierRule
    : kind=('require' | 'forbid') 'modifier' modifierItem+ 'on' codeItem+
      ('when' expr)? ruleClause*
    ;

// `rule ID "title": when CONDITION ACTION`
ruleDecl
    : 'rule' id=softWord title=STRING? ':'? 'when' expr action
    ;

action
    : verb=('deny' | 'review' | 'flag') target=('line' | 'claim') ruleClause*   # VerbAction
    | 'modify' 'line' 'units' expr ruleClause*                                 # ModifyAction
    ;

ruleClause
    : 'reason' REASON                               # RuleReason
    | 'message' STRING                              # RuleMessage
    | 'id' softWord                                 # RuleId
    ;

// Alternatives earlier in this list bind tighter (ANTLR's rule for
// left-recursive rules): arithmetic, then comparisons, then not, and, or.
expr
    : '(' expr ')'                                  # ParenExpr
    | path '(' (arguments+=argument (','? arguments+=argument)*)? (','? within)? ')'  # CallExpr
    | path                                          # PathExpr
    | DATE                                          # DateExpr
    | STRING                                        # StringExpr
    | left=expr op=('+' | '-') right=expr           # AddExpr
    | left=expr op=('==' | '!=' | '<' | '<=' | '>' | '>=') right=expr  # CompareExpr
    | left=expr '=' right=expr                      # MisusedAssign
    | value=expr negated='not'? 'in' setOperand     # InExpr
    | value=expr 'is' negated='not'? 'known'        # KnownExpr
    | 'not' expr                                    # NotExpr
    | left=expr 'and' right=expr                    # AndExpr
    | left=expr 'or' right=expr                     # OrExpr
    ;

// A name (of a rule, a set) or a code: any word, including the words that
// are keywords only inside test blocks and paths.
softWord
    : WORD | 'date' | 'payer' | 'place' | 'provider' | 'age' | 'sex' | 'diagnoses' | 'minutes'
      | 'charge' | 'nothing' | 'no' | 'expect' | 'test' | 'format' | 'day' | 'limit' | 'limits'
      | 'reject' | 'born' | 'is' | 'known' | 'places' | 'keep' | 'reverse' | 'history'
      | 'patient' | 'within' | 'days' | 'calendar'
    ;

// `line.code`, `patient.age`, `same_day`
path
    : pathWord ('.' pathWord)*
    ;

// Words of field paths, including those that are keywords elsewhere.
pathWord
    : WORD | 'line' | 'claim' | 'units' | 'modifiers' | 'date' | 'minutes' | 'payer' | 'provider'
      | 'charge' | 'age' | 'sex' | 'diagnoses' | 'place' | 'history' | 'patient'
    ;

argument
    : first=(WORD | DATE) '..' last=(WORD | DATE)   # RangeArgument
    | expr                                          # ExprArgument
    ;

// The window of `history.count(CODES, within 30 days)`: the prior lines
// dated at most N days from the line's, or in its calendar year.
within
    : 'within' minus='-'? days=WORD 'days'          # WithinDays
    | 'within' 'calendar' period=softWord           # WithinCalendar
    ;

// The right side of `in`: a named set, a range (`2026-01-01..2026-06-30`,
// `18..64`, `97110..97116`), or a list in parentheses.
setOperand
    : '(' (items+=argument (','? items+=argument)*)? ')'   # ListOperand
    | first=(WORD | DATE) '..' last=(WORD | DATE)   # RangeOperand
    | softWord                                      # NamedOperand
    ;

DATE    : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
REASON  : ('CO' | 'PR' | 'OA' | 'PI' | 'CR') '-' [A-Z0-9]+ ;
WORD    : [A-Za-z0-9_]+ ;
STRING  : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS      : [ \t\r\n]+ -> channel(HIDDEN) ;
// Anything else becomes a token of its own, so that the parser reports it
// with a position instead of the lexer dropping it.
UNKNOWN_CHAR : . ;

fragment DIGIT : [0-9] ;
