// The edict rule language: one ruleset per file.
// No embedded actions; alternatives are labelled so that the hand-written
// transformer (compiler/parse/) gets one typed context per construct.
// Words that look like codes, modifiers and numbers are all lexed as WORD:
// the checker decides what a word means from where it stands, which lets it
// say "`9714` is not a procedure code" instead of a bare syntax error.
grammar Edict;

file
    : header statement* EOF
    ;

header
    : 'ruleset' name=WORD title=STRING? headerItem*
    ;

headerItem
    : 'version' STRING                              # VersionItem
    | 'effective' from=DATE ('until' until=DATE)?   # EffectiveItem
    ;

statement
    : 'modifiers' name=WORD '=' modifierItem+       # ModifierSetDecl
    | pairDecl                                      # PairStmt
    ;

// A modifier (59, XE) or the name of a modifier set.
modifierItem
    : WORD
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
    | 'id' WORD                                     # IdClause
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
