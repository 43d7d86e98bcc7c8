# libFuzzer targets for the claim readers, one per format; included from
# tools/fuzz/CMakeLists.txt. Corpora: tools/fuzz/corpus/<format>/.
foreach(format x12 jsonl csv fhir)
  edict_fuzz_target(fuzz_${format} fuzz_${format}.cpp)
  target_link_libraries(fuzz_${format} PRIVATE edict_read edict_write edict_text)
  add_dependencies(fuzz_all fuzz_${format})
endforeach()
