#include "watch_command.hpp"

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>

#include "events_command.hpp"
#include "gcscope/follow/change_notifier.hpp"
#include "gcscope/follow/file_follower.hpp"
#include "gcscope/parser/input_source.hpp"
#include "gcscope/parser/stream_parser.hpp"
#include "log_source.hpp"

namespace gcscope::cli {
namespace {

using follow::FollowEvent;

/// The longest wait between two polls. inotify wakes the loop within a millisecond of a write;
/// polling is the truth all the same (a lost watch, an overflowed queue). Where inotify cannot see
/// every write (NFS and other network file systems, or no inotify) the interval is short, to keep
/// the 100 ms target; an idle poll is one stat().
constexpr std::chrono::milliseconds kPollInterval{250};
constexpr std::chrono::milliseconds kBlindPollInterval{50};

volatile sig_atomic_t g_stop = 0;
extern "C" void onStopSignal(int) {
    g_stop = 1;
}

/// SIGINT and SIGTERM set g_stop. They stay blocked except inside the wait (ppoll with
/// waitMask()), so one that arrives while polling or printing is delivered at the next wait
/// instead of being missed between the flag check and the wait.
class StopSignals {
  public:
    StopSignals() {
        struct sigaction sa = {};
        sa.sa_handler = onStopSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0;  // no SA_RESTART: the wait returns at once
        sigaction(SIGINT, &sa, &old_int_);
        sigaction(SIGTERM, &sa, &old_term_);
        sigset_t block;
        sigemptyset(&block);
        sigaddset(&block, SIGINT);
        sigaddset(&block, SIGTERM);
        sigprocmask(SIG_BLOCK, &block, &old_mask_);
        wait_mask_ = old_mask_;
        sigdelset(&wait_mask_, SIGINT);
        sigdelset(&wait_mask_, SIGTERM);
    }
    ~StopSignals() {
        sigprocmask(SIG_SETMASK, &old_mask_, nullptr);
        sigaction(SIGINT, &old_int_, nullptr);
        sigaction(SIGTERM, &old_term_, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;
    const sigset_t* waitMask() const { return &wait_mask_; }

  private:
    struct sigaction old_int_, old_term_;
    sigset_t old_mask_, wait_mask_;
};

class WatchSink final : public parser::RecordSink {
  public:
    explicit WatchSink(EventWriter& writer) : writer_(writer) {}
    void onGc(const parser::GcRecord& record) override { writer_.write(record); }

  private:
    EventWriter& writer_;
};

std::string eventMessage(const std::string& name, const FollowEvent& e) {
    switch (e.kind) {
        case FollowEvent::Kind::Started:
            return {};
        case FollowEvent::Kind::Truncated:
            return name + " truncated, following from the start";
        case FollowEvent::Kind::Rotated:
            return name +
                   " replaced by a new file (rotated): read the old one to its end, "
                   "following the new one from the start";
        case FollowEvent::Kind::Gone:
            return name + " is gone (" + e.message +
                   "); keeping what was read, waiting for it to come back";
        case FollowEvent::Kind::Back:
            return name + (e.new_file ? " is back as a new file, following it from the start"
                                      : " is back, following it");
    }
    return {};
}

}  // namespace

int runWatch(const Options& options) {
    const std::string& path = options.logs.front();
    // A gzip'd log does not grow line by line: the follower would hand compressed bytes to the
    // parser.
    if (parser::isGzipFile(path)) {
        printError(path + ": is gzip-compressed; watch follows a plain log ('events' reads it)");
        return 2;
    }
    g_stop = 0;
    StopSignals signals;

    Output out;
    std::unique_ptr<EventWriter> writer = makeEventWriter(options.format, out);
    writer->begin();
    writer->beginSource(path);
    bool write_failed = !out.flush();  // the header at once, before the first record

    WatchSink sink(*writer);
    parser::StreamParser stream(sink);
    std::optional<std::string> start_error;
    follow::FileFollower follower(
        path, [&](std::string_view bytes) { stream.feed(bytes); },
        [&](const FollowEvent& e) {
            if (!follower.started() && e.kind == FollowEvent::Kind::Gone) {
                start_error = path + ": " + e.message;
                return;
            }
            std::string message = eventMessage(path, e);
            if (message.empty()) return;
            write_failed |= !out.flush();  // the rows before the event come first
            printError(message);
        });
    // Set up before the first poll, so a write just after it still wakes the loop. Tests and the
    // benchmark can set GCSCOPE_WATCH_POLL_ONLY=1 to measure the timer-only fallback.
    const char* poll_only = std::getenv("GCSCOPE_WATCH_POLL_ONLY");
    follow::ChangeNotifier notifier(poll_only && *poll_only && *poll_only != '0' ? "" : path);

    const auto interval = notifier.reliable() ? kPollInterval : kBlindPollInterval;
    while (!write_failed) {
        follow::PollResult polled = follower.poll();
        if (start_error) {
            printError(*start_error);
            return 2;
        }
        if (polled.changed()) write_failed = !out.flush();
        if (g_stop) break;
        if (!polled.more) notifier.wait(interval, signals.waitMask());
        if (g_stop) break;
    }
    if (write_failed) {
        printError("cannot write to standard output");
        return 2;
    }
    stream.finish();  // a last line without its newline still counts
    if (!out.flush()) {
        printError("cannot write to standard output");
        return 2;
    }
    return 0;
}

}  // namespace gcscope::cli
