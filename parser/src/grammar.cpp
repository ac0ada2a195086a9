// The only translation unit that instantiates the X3 grammar (compile time stays in one place).
#include "grammar.hpp"

#include "grammar_def.hpp"

namespace gcscope::parser::grammar {

namespace x3 = boost::spirit::x3;
namespace def = grammar_def;

namespace {
/// Runs `parser` at p; advances p only on success.
template <typename Parser>
bool run(const char*& p, const char* end, Parser const& parser) {
    const char* it = p;
    if (!x3::parse(it, end, parser)) return false;
    p = it;
    return true;
}
template <typename Parser, typename Attribute>
bool run(const char*& p, const char* end, Parser const& parser, Attribute& attr) {
    const char* it = p;
    if (!x3::parse(it, end, parser, attr)) return false;
    p = it;
    return true;
}
}  // namespace

bool v8Prefix(const char*& p, const char* end, ast::V8Prefix& out) {
    ast::V8Prefix tmp;
    if (!run(p, end, x3::with<def::PrefixTag>(&tmp)[def::v8Prefix])) return false;
    out = tmp;
    return true;
}

bool isolateEcho(const char*& p, const char* end) {
    return run(p, end, def::isolateEcho);
}

bool timestamp(const char*& p, const char* end, double& ms) {
    return run(p, end, def::timestamp, ms);
}

bool traceCore(const char*& p, const char* end, ast::TraceCore& out) {
    ast::TraceCore tmp;
    if (!run(p, end, x3::with<def::CoreTag>(&tmp)[def::traceCore])) return false;
    out = tmp;
    return true;
}

bool incremental(const char*& p, const char* end, ast::Incremental& out) {
    ast::Incremental tmp;
    if (!run(p, end, x3::with<def::IncTag>(&tmp)[def::incremental])) return false;
    out = tmp;
    return true;
}

bool mutatorUtilization(const char*& p, const char* end, ast::MutatorUtilization& out) {
    ast::MutatorUtilization tmp;
    if (!run(p, end, def::mutatorUtilization, tmp)) return false;
    out = tmp;
    return true;
}

bool heapSpaceLine(const char*& p, const char* end, ast::HeapSpaceLine& out) {
    ast::HeapSpaceLine tmp;
    if (!run(p, end, x3::with<def::SpaceTag>(&tmp)[def::heapSpaceLine])) return false;
    out = tmp;
    return true;
}

bool nvpPairs(const char*& p, const char* end, std::vector<NvpField>& out) {
    const size_t before = out.size();
    run(p, end, x3::with<def::FieldsTag>(&out)[def::nvpPairs]);
    return out.size() > before;
}

bool nvpJson(const char*& p, const char* end, std::vector<NvpField>& out) {
    const size_t before = out.size();
    if (run(p, end, x3::with<def::FieldsTag>(&out)[def::nvpJson])) return true;
    out.resize(before);
    return false;
}

}  // namespace gcscope::parser::grammar
