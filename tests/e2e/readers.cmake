# End-to-end tests of `edict run` on every input format, the X12 reference
# files, routing by payer and the output formats. Included from
# tests/e2e/CMakeLists.txt, whose edict_e2e() and ${expect} it uses.
set(readers ${CMAKE_CURRENT_SOURCE_DIR}/readers)
set(x12 ${PROJECT_SOURCE_DIR}/tests/data/x12)
set(therapy rulesets/cms/therapy.edict)
set(acme rulesets/examples/acme_commercial.edict)

# The shipped samples in each format: the same edits and the same reject.
edict_e2e(run_sample_csv 1 ${readers}/samples_csv.jsonl "5 claims read, 4 evaluated, 1 rejected"
          run -r ${therapy} samples/claims.csv)
edict_e2e(run_sample_x12 1 ${readers}/samples_837.jsonl "5 claims read, 4 evaluated, 1 rejected"
          run -r ${therapy} samples/claims.837)
edict_e2e(run_sample_fhir 1 ${readers}/samples_fhir.jsonl "5 claims read, 4 evaluated, 1 rejected"
          run -r ${therapy} samples/claims.fhir.ndjson)
add_test(NAME e2e.run_samples_same_edits_in_every_format
         COMMAND ${readers}/same_edits.sh $<TARGET_FILE:edict> ${therapy} samples/claims.jsonl
                 samples/claims.csv samples/claims.837 samples/claims.fhir.ndjson
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
edict_e2e(run_mixed_formats 1 - "10 claims read, 8 evaluated, 2 rejected"
          run -r ${therapy} samples/claims.jsonl samples/claims.837)
add_test(NAME e2e.run_x12_from_stdin
         COMMAND ${expect} 1 ${readers}/samples_837_stdin.jsonl "5 claims read" --
                 bash -c "$<TARGET_FILE:edict> run -r ${therapy} - < samples/claims.837"
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# The X12 reference files: counts, the 837I refused, 4010 read.
edict_e2e(run_x12_many_claims 1 - "820 claims read, 410 evaluated, 410 rejected"
          run -r ${therapy} ${x12}/imsweb/x12_many_claims.txt)
edict_e2e(run_x12_multiple_transactions 1 - "624 claims read, 312 evaluated, 312 rejected"
          run -r ${therapy} ${x12}/imsweb/x12_multiple_transactions.txt)
edict_e2e(run_x12_six_digit_code 1 - "x12_valid.txt:34: SV101-2 (lines\\[0\\].code): `478331`"
          run -r ${therapy} ${x12}/imsweb/x12_valid.txt)
edict_e2e(run_x12_837i_refused 1 - "x223-test.txt: this is an 837I (institutional) transaction"
          run -r ${therapy} ${x12}/imsweb/x223-test.txt)
edict_e2e(run_x12_4010 0 - "2 claims read, 2 evaluated, 0 rejected"
          run -r ${therapy} ${x12}/pyx12/simple_837p.txt)

# Files that are not claims: one clear error, exit status 1.
edict_e2e(run_not_claims 1 - "LICENSE.Apache-2.0: not claims: it is none of the claim formats"
          run -r ${therapy} ${x12}/linuxforhealth/LICENSE.Apache-2.0)
edict_e2e(run_not_claims_csv 1 - "LICENSE.BSD: not a claims CSV file"
          run -r ${therapy} ${x12}/imsweb/LICENSE.BSD)
edict_e2e(run_forced_format_mismatch 1 - "not X12: the file does not start with an ISA segment"
          run --input-format x12 -r ${therapy} samples/claims.jsonl)

# Output formats.
edict_e2e(run_format_csv 1 - "^claim,line,rule,action,reason,message,related_lines"
          run --format csv -r ${therapy} samples/claims.837)
edict_e2e(run_format_table 1 - "^C1  *2 deny  *CO-236  *ptp_97140_97530"
          run --format table -r ${therapy} samples/claims.csv)
edict_e2e(run_threads_one 1 ${readers}/samples_837.jsonl "4 evaluated"
          run -j 1 -r ${therapy} samples/claims.837)

# Routing by payer: ACME's own policy, the default for the others.
edict_e2e(run_route_payer 1 - "\"claim\":\"C2\".*\"ruleset\":\"acme_commercial\""
          run --route ACME=${acme} -r ${therapy} samples/claims.fhir.ndjson)
edict_e2e(run_routes_table 1 - "\"claim\":\"C2\".*\"ruleset\":\"acme_commercial\""
          run --routes ${readers}/routes.txt samples/claims.csv)
edict_e2e(run_unrouted_payer 1 - "\"reason\":\"no-ruleset\""
          run --route OTHER=${therapy} samples/claims.jsonl)
edict_e2e(run_payer_routed_twice 2 - "payer `ACME` is routed to two rulesets"
          run --route ACME=${acme} --route ACME=${therapy} samples/claims.jsonl)
edict_e2e(run_bad_route 2 - "expected PAYER=FILE" run --route ACME samples/claims.jsonl)
edict_e2e(help_run_formats 0 - "--input-format" run --help)
edict_e2e(help_run_routes 0 - "--route" run --help)
