#include "backends/jit/native_object.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Module.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/TargetParser/Host.h>
#include <llvm/TargetParser/Triple.h>

#include <set>

#include "backends/codegen/codegen.h"
#include "backends/jit/jit_engine.h"
#include "backends/jit/llvm_support.h"
#include "core/version.h"

namespace edict::jit {

namespace {

void optimize(llvm::Module& module, llvm::TargetMachine& machine) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder passes(&machine);
  passes.registerModuleAnalyses(mam);
  passes.registerCGSCCAnalyses(cgam);
  passes.registerFunctionAnalyses(fam);
  passes.registerLoopAnalyses(lam);
  passes.crossRegisterProxies(lam, fam, cgam, mam);
  passes.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2).run(module, mam);
}

/// The machine builder for `cpu`: position-independent code, so that the
/// object links at any address and reaches the tables through its GOT.
llvm::orc::JITTargetMachineBuilder machineFor(CpuChoice cpu) {
  initializeNativeTarget();
  if (cpu == CpuChoice::Host) {
    auto host = unwrap(llvm::orc::JITTargetMachineBuilder::detectHost(), "detecting the host CPU");
    host.setRelocationModel(llvm::Reloc::PIC_);
    return host;
  }
  llvm::orc::JITTargetMachineBuilder generic{llvm::Triple(llvm::sys::getProcessTriple())};
  generic.setRelocationModel(llvm::Reloc::PIC_);
  return generic;
}

/// The features a feature string (`+a,-b,+c`) turns on.
std::set<std::string> enabledFeatures(const std::string& features) {
  std::set<std::string> out;
  std::size_t start = 0;
  while (start < features.size()) {
    std::size_t end = features.find(',', start);
    if (end == std::string::npos) end = features.size();
    if (features[start] == '+') out.insert(features.substr(start + 1, end - start - 1));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string compilerIdentity() {
  return fmt::format("edict {} with LLVM {}", kEdictVersion, LLVM_VERSION_STRING);
}

artifact::NativeTarget hostTarget() {
  auto host = machineFor(CpuChoice::Host);
  return {host.getTargetTriple().str(), host.getCPU(), host.getFeatures().getString()};
}

NativeObject compileObject(const ir::Program& program, CpuChoice cpu) {
  auto builder = machineFor(cpu);
  std::unique_ptr<llvm::TargetMachine> machine =
      unwrap(builder.createTargetMachine(), "creating the target machine");
  llvm::LLVMContext context;
  auto module = codegen::generateModule(program, context);
  module->setDataLayout(machine->createDataLayout());
  module->setTargetTriple(machine->getTargetTriple().str());
  optimize(*module, *machine);

  NativeObject out;
  out.target = {builder.getTargetTriple().str(), builder.getCPU(),
                builder.getFeatures().getString()};
  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream stream(buffer);
  llvm::legacy::PassManager emit;
  if (machine->addPassesToEmitFile(emit, stream, nullptr, llvm::CodeGenFileType::ObjectFile))
    throw JitError("LLVM cannot emit object files for " + out.target.triple);
  emit.run(*module);
  out.bytes.assign(buffer.begin(), buffer.end());
  return out;
}

std::optional<std::string> whyNotRunnableHere(const artifact::NativeTarget& target) {
  const artifact::NativeTarget here = hostTarget();
  const llvm::Triple theirs(target.triple);
  const llvm::Triple ours(here.triple);
  if (theirs.getArch() != ours.getArch() || theirs.getOS() != ours.getOS() ||
      theirs.getObjectFormat() != ours.getObjectFormat())
    return fmt::format("its code was compiled for {}, and this machine is {}", target.triple,
                       here.triple);
  const std::set<std::string> have = enabledFeatures(here.features);
  std::vector<std::string> missing;
  for (const std::string& feature : enabledFeatures(target.features))
    if (have.count(feature) == 0) missing.push_back(feature);
  if (!missing.empty())
    return fmt::format(
        "its code was compiled for the CPU `{}`, and this machine's CPU `{}` lacks {}: compile it "
        "here, or with `--cpu generic` for any {} machine",
        target.cpu, here.cpu, fmt::join(missing, ", "), ours.getArchName().str());
  return std::nullopt;
}

}  // namespace edict::jit
