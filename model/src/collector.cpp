#include "gcscope/model/collector.hpp"

namespace gcscope::model {

std::string collectorName(CollectorKey k) {
    parser::GcRecord r;
    r.type = collectorType(k);
    r.flags = uint16_t(k & 0xFF);
    return r.collectorName();
}

}  // namespace gcscope::model
