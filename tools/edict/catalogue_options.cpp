#include "catalogue_options.h"

namespace edict::cli {

void addCatalogueOptions(CLI::App& cmd, service::CatalogueSpec& spec) {
  cmd.add_option("-r,--ruleset", spec.ruleset,
                 "The default ruleset: a .edict file, or an artifact from `edict compile`; applied "
                 "to every claim whose payer has no route")
      ->type_name("FILE");
  cmd.add_option("--route", spec.routes,
                 "Apply ruleset FILE to the claims of PAYER (the payer id exactly as the claims "
                 "carry it: JSON `payer`, X12 NM1*PR NM109, FHIR insurer identifier). Repeat "
                 "for each payer; `A,B=FILE` routes several payers to one ruleset")
      ->type_name("PAYER=FILE");
  cmd.add_option("--routes", spec.routeTable,
                 "A routing table: one `PAYER = FILE` per line, `*` for the default, `#` "
                 "comments; relative paths are relative to the table")
      ->type_name("FILE");
  cmd.add_option("--engine", spec.engine,
                 "Back end: `jit` (native code via LLVM) or `interp` (the reference "
                 "interpreter); both give identical results")
      ->check(CLI::IsMember({"jit", "interp"}))
      ->capture_default_str();
}

}  // namespace edict::cli
