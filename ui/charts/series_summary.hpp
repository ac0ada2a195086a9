// Per-block summaries of a series, so that decimating a wide range reads a few summaries per
// pixel column instead of every event: with 3 million events on a 1600 px chart, about 25,000
// summaries and the raw events of the blocks that straddle a column boundary, instead of 3
// million events per chart.
//
// The results are exactly those of the event-by-event scan: M4 (first, lowest, highest, last)
// and min/max combine over consecutive blocks, ties going to the earlier point as in the scan.
#pragma once

#include <QObject>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

#include "charts/chart_adapters.hpp"

namespace gcscope::ui {
class LogSession;
}

namespace gcscope::ui::charts {

/// A point of a decimated sequence: time (ms), value, and its index in the sequence (an event
/// index, or 2 × event + 0/1 for the before/after points of the heap sawtooth).
struct SeqPoint {
    double t = 0, v = 0;
    size_t j = 0;
};

/// First, lowest, highest and last point of a run of points (M4). Ties keep the earliest.
struct Four {
    SeqPoint first, low, high, last;
    bool any = false;
    void add(const SeqPoint& p) {
        if (!any) {
            first = low = high = last = p;
            any = true;
            return;
        }
        if (p.v < low.v) low = p;
        if (p.v > high.v) high = p;
        last = p;
    }
    /// Appends a run that comes after this one.
    void merge(const Four& o) {
        if (!o.any) return;
        if (!any) {
            *this = o;
            return;
        }
        if (o.low.v < low.v) low = o.low;
        if (o.high.v > high.v) high = o.high;
        last = o.last;
    }
};

/// Lowest and highest point of a run (for scatter plots). Ties keep the earliest.
struct Two {
    SeqPoint low, high;
    bool any = false;
    void add(const SeqPoint& p) {
        if (!any) {
            low = high = p;
            any = true;
            return;
        }
        if (p.v < low.v) low = p;
        if (p.v > high.v) high = p;
    }
    void merge(const Two& o) {
        if (!o.any) return;
        if (!any) {
            *this = o;
            return;
        }
        if (o.low.v < low.v) low = o.low;
        if (o.high.v > high.v) high = o.high;
    }
};

/// Summaries of consecutive blocks of kBlock events of one series. Append-only like the series:
/// update() summarises the blocks completed since the last call. Not thread-safe (GUI thread);
/// it reads the series under the Timeline's rule (below the size() it sees).
class SeriesSummary {
  public:
    static constexpr size_t kBlock = 128;

    struct Block {
        double t_first = 0, t_last = 0;  ///< sortTimeMs of the first and last event
        Four used, committed;            ///< the sawtooth sequences (j = 2 × event + 0/1)
        std::array<Two, kCollectorFamilies> pause;  ///< pauses by collector family (j = event)
        uint32_t young = 0, old = 0;                ///< GCs by generation
        double young_pause_ms = 0, old_pause_ms = 0;
    };

    void update(const model::Series& s);
    size_t blockCount() const { return blocks_.size(); }
    const Block& block(size_t b) const { return blocks_[b]; }

  private:
    /// A deque: growing never copies the blocks already summarised (a vector's reallocations,
    /// tens of MB for millions of GCs, were a third of the summary's time while a log loaded).
    std::deque<Block> blocks_;
};

/// The summaries of one session's series, shared by all its charts (and the offscreen copies
/// that render them). A child object of the LogSession, created on first use; GUI thread only.
class SummaryCache : public QObject {
    Q_OBJECT
  public:
    static SummaryCache& of(LogSession& session);
    /// The summary of `series`, brought up to date with what the series holds now.
    const SeriesSummary& get(size_t series);

  private:
    explicit SummaryCache(LogSession& session);
    LogSession& session_;
    std::deque<SeriesSummary> summaries_;  ///< a deque: growing it keeps references valid
};

}  // namespace gcscope::ui::charts
