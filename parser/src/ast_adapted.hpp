// Fusion adaptation of the AST structs whose fields X3 fills by attribute (the rest are filled by
// small semantic actions in grammar_def.hpp, which keeps optional clauses cheap).
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(gcscope::parser::ast::HeapSizes, used_before, committed_before,
                          used_after, committed_after)
BOOST_FUSION_ADAPT_STRUCT(gcscope::parser::ast::MutatorUtilization, average, current)
