#include "summary_data.hpp"

namespace gcscope::cli {

size_t Summary::isolateCount() const {
    size_t n = 0;
    for (const auto& s : sources) n += s.isolates.size();
    return n;
}

}  // namespace gcscope::cli
