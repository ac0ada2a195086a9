// A writer thread racing a follower thread (which waits on the ChangeNotifier between polls), and
// the ChangeNotifier on its own.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>

#include "follow_test_support.hpp"
#include "gcscope/follow/change_notifier.hpp"

namespace gcscope::follow::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Kind = FollowEvent::Kind;

template <class Pred>
bool waitFor(Pred pred, std::chrono::milliseconds timeout = 5000ms) {
    const auto deadline = Clock::now() + timeout;
    while (!pred()) {
        if (Clock::now() > deadline) return false;
        std::this_thread::sleep_for(100us);
    }
    return true;
}

TEST(FollowThreadTest, WriterThreadWithRotationsEqualsOneShotParse) {
    TempDir dir;
    const std::string path = dir.file("gc.log");
    const std::string stream = sampleStream();
    LogWriter w(path);

    // Written by the follower thread only; read by this thread after join().
    gcscope::testing::CollectingSink sink;
    parser::StreamParser parser(sink);
    std::string received;
    // Shared.
    std::atomic<uint64_t> delivered{0};
    std::atomic<unsigned> started{0}, switches{0}, truncated{0}, gone{0};
    std::atomic<bool> stop{false};
    std::mutex names_mutex;
    std::string names;  // the events so far, for failure messages
    auto eventNames = [&] {
        std::lock_guard lock(names_mutex);
        return names;
    };

    std::thread follower_thread([&] {
        ChangeNotifier notifier(path);
        FileFollower follower(
            path,
            [&](std::string_view bytes) {
                received += bytes;
                parser.feed(bytes);
                delivered += bytes.size();
            },
            [&](const FollowEvent& e) {
                if (e.kind == Kind::Rotated || e.kind == Kind::Back) ++switches;
                if (e.kind == Kind::Truncated) ++truncated;
                if (e.kind == Kind::Gone) ++gone;
                if (e.kind == Kind::Started) ++started;
                std::lock_guard lock(names_mutex);
                names += std::string(followEventName(e.kind)) + " ";
            },
            goneAtOnce());
        while (!stop) {
            follower.poll();
            notifier.wait(20ms);
        }
        follower.poll();
        parser.finish();
    });
    struct Joiner {
        std::atomic<bool>& stop;
        std::thread& thread;
        ~Joiner() {
            stop = true;
            if (thread.joinable()) thread.join();
        }
    } joiner{stop, follower_thread};

    ASSERT_TRUE(waitFor([&] { return started == 1; }));
    std::mt19937 rng(42);
    unsigned expect_switches = 0, expect_truncated = 0, expect_gone = 0;
    bool deleted = false;
    size_t pos = 0;
    while (pos < stream.size()) {
        unsigned op = rng() % 100;
        if (op < 85) {
            size_t n = std::min<size_t>(rng() % 2 ? 1 + rng() % 60 : 1 + rng() % 2000,
                                        stream.size() - pos);
            w.write(std::string_view(stream).substr(pos, n));
            pos += n;
            if (rng() % 4 == 0) std::this_thread::sleep_for(std::chrono::microseconds(rng() % 300));
            continue;
        }
        // Each move waits until the follower saw the previous one (two rotations between polls
        // would skip the middle file); a truncation waits until it caught up (what was appended
        // but not read is in logrotate's copy, not in the path).
        ASSERT_TRUE(waitFor([&] { return switches == expect_switches; }))
            << "switch not seen: " << switches << " of " << expect_switches << ", events "
            << eventNames();
        if (op < 90 && !deleted) {
            ASSERT_TRUE(waitFor([&] { return delivered == w.written().size(); }));
            struct stat st;
            ASSERT_EQ(::stat(path.c_str(), &st), 0);
            expect_truncated += st.st_size > 0;
            w.truncate();
        } else if (op < 95 && !deleted) {
            w.rotate(dir.file("gc.log." + std::to_string(pos)));
            ++expect_switches;
        } else if (!deleted) {
            const unsigned gone_before = gone;
            w.remove();
            deleted = true;
            ++expect_gone;
            ASSERT_TRUE(waitFor([&] { return gone > gone_before; })) << "deletion not seen";
        } else {
            w.recreate();
            deleted = false;
            ++expect_switches;
        }
    }
    ASSERT_TRUE(waitFor([&] { return delivered == w.written().size(); }))
        << delivered << " of " << w.written().size() << " bytes";
    stop = true;
    follower_thread.join();

    EXPECT_EQ(received, w.written());
    gcscope::testing::Parsed followed;
    followed.sink = sink;
    followed.stats = parser.stats();
    EXPECT_TRUE(gcscope::testing::sameResult(gcscope::testing::parse(w.written()), followed));
    EXPECT_EQ(truncated, expect_truncated);
    EXPECT_EQ(switches, expect_switches);
    // A poll between a rotation's rename and its new file also sees the path gone for a moment.
    EXPECT_GE(gone, expect_gone);
    EXPECT_GT(expect_truncated + expect_switches, 3u);
}

// --- ChangeNotifier ----------------------------------------------------------------------------

class ChangeNotifierTest : public ::testing::Test {
  protected:
    void SetUp() override {
        writer_ = std::make_unique<LogWriter>(path_);
        notifier_ = std::make_unique<ChangeNotifier>(path_);
        if (!notifier_->available()) GTEST_SKIP() << "inotify unavailable";
    }
    /// How long a wait takes while `action` runs on another thread 20 ms after the wait starts.
    template <class Action>
    std::pair<ChangeNotifier::Wake, Clock::duration> waitWhile(Action action,
                                                               std::chrono::milliseconds timeout) {
        std::thread t([&] {
            std::this_thread::sleep_for(20ms);
            action();
        });
        auto start = Clock::now();
        auto wake = notifier_->wait(timeout);
        auto took = Clock::now() - start;
        t.join();
        return {wake, took};
    }

    TempDir dir_;
    std::string path_ = dir_.file("gc.log");
    std::unique_ptr<LogWriter> writer_;
    std::unique_ptr<ChangeNotifier> notifier_;
};

TEST_F(ChangeNotifierTest, WakesSoonAfterAnAppend) {
    auto [wake, took] = waitWhile([&] { writer_->write("x"); }, 5000ms);
    EXPECT_EQ(wake, ChangeNotifier::Wake::Changed);
    EXPECT_LT(took, 2000ms);  // generous: a loaded machine; typically 20 ms + microseconds
}

TEST_F(ChangeNotifierTest, TimesOutWhenNothingHappens) {
    auto start = Clock::now();
    EXPECT_EQ(notifier_->wait(30ms), ChangeNotifier::Wake::Timeout);
    EXPECT_GE(Clock::now() - start, 30ms);
}

TEST_F(ChangeNotifierTest, IgnoresOtherFilesInTheDirectory) {
    LogWriter other(dir_.file("other.log"));
    other.write("noise");
    EXPECT_EQ(notifier_->wait(50ms), ChangeNotifier::Wake::Timeout);
}

TEST_F(ChangeNotifierTest, FollowsTheNameThroughRotation) {
    const std::string old_path = dir_.file("gc.log.1");
    EXPECT_EQ(waitWhile([&] { writer_->rotate(old_path); }, 5000ms).first,
              ChangeNotifier::Wake::Changed);
    while (notifier_->wait(20ms) != ChangeNotifier::Wake::Timeout) {
    }
    EXPECT_EQ(waitWhile([&] { writer_->write("new"); }, 5000ms).first,
              ChangeNotifier::Wake::Changed);
    while (notifier_->wait(20ms) != ChangeNotifier::Wake::Timeout) {
    }
    // The rotated-away file is no longer watched.
    LogWriter old_writer(dir_.file("unrelated"));  // keep the directory busy with another name
    {
        int fd = ::open(old_path.c_str(), O_WRONLY | O_APPEND);
        ASSERT_GE(fd, 0);
        ASSERT_EQ(::write(fd, "old", 3), 3);
        ::close(fd);
    }
    EXPECT_EQ(notifier_->wait(50ms), ChangeNotifier::Wake::Timeout);
}

TEST_F(ChangeNotifierTest, SeesWritesToTheDeletedFile) {
    EXPECT_EQ(waitWhile([&] { writer_->remove(); }, 5000ms).first, ChangeNotifier::Wake::Changed);
    while (notifier_->wait(20ms) != ChangeNotifier::Wake::Timeout) {
    }
    EXPECT_EQ(waitWhile([&] { writer_->write("still"); }, 5000ms).first,
              ChangeNotifier::Wake::Changed);
    while (notifier_->wait(20ms) != ChangeNotifier::Wake::Timeout) {
    }
    EXPECT_EQ(waitWhile([&] { writer_->recreate(); }, 5000ms).first, ChangeNotifier::Wake::Changed);
}

TEST_F(ChangeNotifierTest, SignalInterruptsTheWait) {
    // The pattern the CLI uses: SIGUSR1 blocked except during the wait.
    sigset_t block, during;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    struct sigaction sa = {};
    sa.sa_handler = [](int) {};
    struct sigaction old_sa;
    ASSERT_EQ(sigaction(SIGUSR1, &sa, &old_sa), 0);
    sigset_t old_mask;
    ASSERT_EQ(pthread_sigmask(SIG_BLOCK, &block, &old_mask), 0);
    during = old_mask;
    sigdelset(&during, SIGUSR1);
    ::raise(SIGUSR1);  // pending while blocked: the wait must still see it
    auto start = Clock::now();
    EXPECT_EQ(notifier_->wait(5000ms, &during), ChangeNotifier::Wake::Interrupted);
    EXPECT_LT(Clock::now() - start, 2000ms);
    pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    sigaction(SIGUSR1, &old_sa, nullptr);
}

}  // namespace
}  // namespace gcscope::follow::test
