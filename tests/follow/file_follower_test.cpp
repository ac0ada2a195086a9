// FileFollower, driven step by step: each test interleaves writes, logrotate moves and polls
// deterministically, and checks that the bytes and records that come out equal a one-shot parse
// of everything the writer wrote.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <random>

#include "follow_test_support.hpp"

namespace gcscope::follow::test {
namespace {

using Kind = FollowEvent::Kind;
using gcscope::testing::parse;
using gcscope::testing::Parsed;
using gcscope::testing::sameResult;

const std::string kLine1 =
    "[8889:0x7b03000]       32 ms: Scavenge 4.7 (5.4) -> 4.0 (6.4) MB, pooled: 0 MB, 0.72 / 0.00 "
    "ms  (average mu = 1.000, current mu = 1.000) allocation failure; \n";
const std::string kLine2 =
    "[8889:0x7b03000]       41 ms: Scavenge 4.7 (6.4) -> 4.1 (6.6) MB, pooled: 0 MB, 7.26 / 0.00 "
    "ms  (average mu = 1.000, current mu = 1.000) allocation failure; \n";
const std::string kLine3 =
    "[6650:0x140008000]    28117 ms: Mark-Compact (reduce) 2034.1 (2085.4) -> 2034.1 (2085.7) "
    "MB, 817.29 / 0.00 ms  (average mu = 0.197, current mu = 0.122) allocation failure; GC in old "
    "space requested\n";

/// The follower's output, parsed, against a one-shot parse of what the writer wrote.
::testing::AssertionResult sameAsOneShot(FollowedLog& log, const LogWriter& writer) {
    if (log.received != writer.written()) {
        size_t i = 0;
        while (i < log.received.size() && i < writer.written().size() &&
               log.received[i] == writer.written()[i])
            ++i;
        return ::testing::AssertionFailure()
               << "stream differs at byte " << i << " (received " << log.received.size() << " of "
               << writer.written().size() << " bytes; events: " << log.eventNames() << ")";
    }
    Parsed followed;
    followed.stats = log.finish();
    followed.sink = log.sink;
    Parsed expected = parse(writer.written());
    if (expected.sink.records.empty()) return ::testing::AssertionFailure() << "no records";
    return sameResult(expected, followed);
}

class FileFollowerTest : public ::testing::Test {
  protected:
    TempDir dir_;
    std::string path_ = dir_.file("gc.log");
};

TEST_F(FileFollowerTest, FirstPollReadsExistingContentThenFollows) {
    LogWriter w(path_);
    w.write(kLine1 + kLine2);
    FollowedLog log(path_);
    EXPECT_EQ(log.follower.state(), FileFollower::State::NotStarted);
    PollResult r = log.follower.poll();
    EXPECT_EQ(r.bytes, kLine1.size() + kLine2.size());
    EXPECT_EQ(log.eventNames(), "started");
    EXPECT_EQ(log.sink.records.size(), 2u);
    w.write(kLine3);
    log.follower.poll();
    EXPECT_EQ(log.sink.records.size(), 3u);
    EXPECT_EQ(log.follower.state(), FileFollower::State::Following);
    EXPECT_TRUE(sameAsOneShot(log, w));
}

TEST_F(FileFollowerTest, UnchangedFileCostsOneStatAndNoRead) {
    LogWriter w(path_);
    w.write(kLine1);
    FollowedLog log(path_);
    log.follower.poll();
    const FollowerStats before = log.follower.stats();
    const size_t calls = log.byte_calls;
    for (int i = 0; i < 100; ++i) EXPECT_FALSE(log.follower.poll().changed());
    const FollowerStats& after = log.follower.stats();
    EXPECT_EQ(after.read_calls, before.read_calls);
    EXPECT_EQ(after.stat_calls, before.stat_calls + 100);
    EXPECT_EQ(after.opens, before.opens);
    EXPECT_EQ(log.byte_calls, calls);
}

TEST_F(FileFollowerTest, HalfALineNowAndTheRestLaterIsOneRecord) {
    LogWriter w(path_);
    FollowedLog log(path_);
    log.follower.poll();
    w.write(kLine1.substr(0, 40));
    log.follower.poll();
    EXPECT_TRUE(log.sink.records.empty());
    w.write(kLine1.substr(40, 50));
    log.follower.poll();
    EXPECT_TRUE(log.sink.records.empty());
    w.write(kLine1.substr(90));
    log.follower.poll();
    ASSERT_EQ(log.sink.records.size(), 1u);
    EXPECT_EQ(log.sink.records[0].line, 1u);
    EXPECT_TRUE(sameAsOneShot(log, w));
}

TEST_F(FileFollowerTest, CopytruncateRestartsAtZeroOnce) {
    LogWriter w(path_);
    w.write(kLine1 + kLine2);
    FollowedLog log(path_);
    log.follower.poll();
    w.truncate();
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "started truncated");
    EXPECT_EQ(log.events[1].stream_offset, kLine1.size() + kLine2.size());
    log.follower.poll();
    w.write(kLine3);
    log.follower.poll();
    log.follower.poll();
    EXPECT_EQ(log.count(Kind::Truncated), 1u);
    EXPECT_TRUE(sameAsOneShot(log, w));
}

TEST_F(FileFollowerTest, TruncationRefilledPastTheOldOffsetIsSeen) {
    // Between two polls the file is truncated and the writer writes more than was read before:
    // the size alone looks like growth; the bytes before the old offset tell.
    LogWriter w(path_);
    w.write(kLine1);
    FollowedLog log(path_);
    log.follower.poll();
    w.truncate();
    w.write(kLine2 + kLine3);
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "started truncated");
    EXPECT_EQ(log.sink.records.size(), 3u);
    EXPECT_TRUE(sameAsOneShot(log, w));
}

TEST_F(FileFollowerTest, LineSplitAcrossTruncationIsOneRecord) {
    LogWriter w(path_);
    w.write(kLine1 + kLine2.substr(0, 30));
    FollowedLog log(path_);
    log.follower.poll();
    w.truncate();
    log.follower.poll();
    w.write(kLine2.substr(30) + kLine3);
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "started truncated");
    EXPECT_EQ(log.sink.records.size(), 3u);
    EXPECT_TRUE(sameAsOneShot(log, w));
}

TEST_F(FileFollowerTest, WriterWithoutAppendLeavesAHoleThatIsSkipped) {
    // `node app.js > gc.log` + copytruncate: the writer goes on at its old offset, the file
    // starts with NULs it never wrote.
    LogWriter w(path_, LogWriter::Mode::Overwrite);
    w.write(kLine1 + kLine2);
    FollowedLog log(path_);
    log.follower.poll();
    w.truncate();
    w.write(kLine3);
    struct stat st;
    ASSERT_EQ(::stat(path_.c_str(), &st), 0);
    EXPECT_EQ(size_t(st.st_size), w.written().size());  // the hole is there
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "started truncated");
    // And when the truncation is seen before the writer's next write.
    w.truncate();
    log.follower.poll();
    w.write(kLine1);
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "started truncated truncated");
    EXPECT_TRUE(sameAsOneShot(log, w));
}

TEST_F(FileFollowerTest, RenameRotationReadsTheOldFileToItsEnd) {
    LogWriter w(path_);
    w.write(kLine1);
    FollowedLog log(path_);
    log.follower.poll();
    // Written after the last poll, then rotated away: still read, before the new file.
    w.write(kLine2.substr(0, 50));
    w.rotate(dir_.file("gc.log.1"));
    w.write(kLine2.substr(50) + kLine3);
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "started rotated");
    EXPECT_TRUE(log.events[1].new_file);
    EXPECT_EQ(log.events[1].stream_offset, kLine1.size() + 50);
    EXPECT_EQ(log.follower.fileOffset(), kLine2.size() - 50 + kLine3.size());
    EXPECT_EQ(log.sink.records.size(), 3u);
    EXPECT_TRUE(sameAsOneShot(log, w));
}

TEST_F(FileFollowerTest, DeletedFileIsGoneButStillReadThenBack) {
    LogWriter w(path_);
    w.write(kLine1);
    FollowedLog log(path_);
    log.follower.poll();
    w.remove();
    w.write(kLine2.substr(0, 20));
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "started gone");
    EXPECT_EQ(log.follower.state(), FileFollower::State::Gone);
    EXPECT_EQ(log.follower.goneMessage(), "no such file");
    EXPECT_EQ(log.received, kLine1 + kLine2.substr(0, 20));  // the unlinked file is still read
    for (int i = 0; i < 3; ++i) EXPECT_FALSE(log.follower.poll().changed());  // Gone only once
    w.write(kLine2.substr(20));
    w.recreate();
    w.write(kLine3);
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "started gone back");
    EXPECT_TRUE(log.events[2].new_file);
    EXPECT_EQ(log.follower.state(), FileFollower::State::Following);
    EXPECT_TRUE(log.follower.goneMessage().empty());
    EXPECT_TRUE(sameAsOneShot(log, w));
}

TEST_F(FileFollowerTest, RotationSeenBetweenRenameAndCreateIsStillARotation) {
    LogWriter w(path_);
    w.write(kLine1);
    FollowerOptions options;
    options.gone_after = std::chrono::seconds(60);
    FollowedLog log(path_, options);
    log.follower.poll();
    w.write(kLine2.substr(0, 10));
    ASSERT_EQ(::rename(path_.c_str(), dir_.file("gc.log.1").c_str()), 0);
    log.follower.poll();  // the path is missing: not Gone yet, the old file is still read
    EXPECT_EQ(log.eventNames(), "started");
    EXPECT_EQ(log.received, kLine1 + kLine2.substr(0, 10));
    w.recreate();
    w.write(kLine2.substr(10));
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "started rotated");
    EXPECT_TRUE(sameAsOneShot(log, w));
}

TEST_F(FileFollowerTest, GoneIsReportedOnceThePathStayedMissing) {
    LogWriter w(path_);
    w.write(kLine1);
    FollowerOptions options;
    options.gone_after = std::chrono::milliseconds(30);
    FollowedLog log(path_, options);
    log.follower.poll();
    w.remove();
    EXPECT_FALSE(log.follower.poll().changed());
    EXPECT_EQ(log.follower.state(), FileFollower::State::Following);
    usleep(40 * 1000);
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "started gone");
    EXPECT_EQ(log.follower.state(), FileFollower::State::Gone);
}

TEST_F(FileFollowerTest, RenamedAwayAndBackIsTheSameFile) {
    LogWriter w(path_);
    w.write(kLine1);
    FollowedLog log(path_);
    log.follower.poll();
    ASSERT_EQ(::rename(path_.c_str(), dir_.file("elsewhere").c_str()), 0);
    w.write(kLine2);
    log.follower.poll();
    ASSERT_EQ(::rename(dir_.file("elsewhere").c_str(), path_.c_str()), 0);
    w.write(kLine3);
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "started gone back");
    EXPECT_FALSE(log.events[2].new_file);
    EXPECT_EQ(log.follower.stats().opens, 1u);
    EXPECT_TRUE(sameAsOneShot(log, w));
}

TEST_F(FileFollowerTest, MissingAtFirstPollStartsWhenCreated) {
    FollowedLog log(path_);
    EXPECT_EQ(log.follower.poll().events, 1u);
    EXPECT_EQ(log.eventNames(), "gone");
    EXPECT_FALSE(log.follower.started());
    EXPECT_FALSE(log.follower.poll().changed());
    LogWriter w(path_);
    w.write(kLine1);
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "gone started");
    EXPECT_TRUE(sameAsOneShot(log, w));
}

TEST_F(FileFollowerTest, DirectoryIsNotFollowed) {
    ASSERT_EQ(::mkdir(path_.c_str(), 0755), 0);
    FollowedLog log(path_);
    log.follower.poll();
    EXPECT_EQ(log.eventNames(), "gone");
    EXPECT_EQ(log.events[0].message, "is a directory");
}

TEST_F(FileFollowerTest, ByteBudgetSpreadsALargeFileOverPolls) {
    LogWriter w(path_);
    w.write(sampleStream());
    FollowerOptions options;
    options.chunk_bytes = 4096;
    options.max_bytes_per_poll = 10000;
    FollowedLog log(path_, options);
    size_t polls = 0;
    for (PollResult r = log.follower.poll(); r.more; r = log.follower.poll()) {
        EXPECT_LE(r.bytes, options.max_bytes_per_poll);
        ++polls;
    }
    EXPECT_GE(polls, w.written().size() / options.max_bytes_per_poll - 1);
    EXPECT_TRUE(sameAsOneShot(log, w));
}

// --- the whole story, randomised: a writer appending real sample lines in random chunks, with
// copytruncate, rename rotation, delete and re-create, polls in between, lines split everywhere.

struct StoryParam {
    unsigned seed;
    LogWriter::Mode mode;
};

class FollowStoryTest : public ::testing::TestWithParam<StoryParam> {};

TEST_P(FollowStoryTest, FollowedEventsEqualOneShotParse) {
    TempDir dir;
    const std::string path = dir.file("gc.log");
    const std::string stream = sampleStream();
    std::mt19937 rng(GetParam().seed);
    auto chance = [&](unsigned percent) { return rng() % 100 < percent; };

    LogWriter w(path, GetParam().mode);
    FollowerOptions options = goneAtOnce();
    options.chunk_bytes = 4096;  // several preads per poll now and then
    FollowedLog log(path, options);
    size_t truncations = 0, rotations = 0, deletions = 0, recreations = 0;
    bool deleted = false;
    bool switch_unseen = false;  // a rotation / re-creation not polled yet
    auto poll = [&] {
        log.follower.poll();
        switch_unseen = false;
    };

    poll();  // the writer has created the file: following starts
    size_t pos = 0;
    while (pos < stream.size()) {
        unsigned op = rng() % 100;
        if (op < 60) {
            // Small chunks split lines; large ones hold many.
            size_t n = chance(50) ? 1 + rng() % 80 : 1 + rng() % 3000;
            n = std::min(n, stream.size() - pos);
            w.write(std::string_view(stream).substr(pos, n));
            pos += n;
        } else if (op < 85) {
            poll();
        } else if (op < 90 && !deleted) {
            // copytruncate loses what was appended since the last poll (that is in logrotate's
            // copy), so the follower is caught up first.
            poll();
            struct stat st;
            ASSERT_EQ(::stat(path.c_str(), &st), 0);
            truncations += st.st_size > 0;
            w.truncate();
        } else if (op < 95 && !deleted) {
            // Two rotations between polls would skip the middle file entirely.
            if (switch_unseen) poll();
            w.rotate(dir.file("gc.log." + std::to_string(++rotations)));
            switch_unseen = true;
        } else if (!deleted) {
            if (switch_unseen) poll();
            w.remove();
            ++deletions;
            deleted = true;
            poll();  // sees it gone
        } else {
            w.recreate();
            ++recreations;
            deleted = false;
            switch_unseen = true;
        }
    }
    poll();
    log.follower.poll();

    EXPECT_TRUE(sameAsOneShot(log, w));
    EXPECT_EQ(log.count(Kind::Started), 1u);
    EXPECT_EQ(log.count(Kind::Truncated), truncations) << log.eventNames();
    EXPECT_EQ(log.count(Kind::Rotated), rotations) << log.eventNames();
    EXPECT_EQ(log.count(Kind::Gone), deletions) << log.eventNames();
    EXPECT_EQ(log.count(Kind::Back), recreations) << log.eventNames();
    EXPECT_GT(truncations + rotations + deletions, 3u) << "the story should exercise more";
}

std::vector<StoryParam> storyParams() {
    std::vector<StoryParam> params;
    for (unsigned seed = 1; seed <= 8; ++seed) {
        params.push_back({seed, LogWriter::Mode::Append});
        params.push_back({seed, LogWriter::Mode::Overwrite});
    }
    return params;
}

INSTANTIATE_TEST_SUITE_P(Seeds, FollowStoryTest, ::testing::ValuesIn(storyParams()),
                         [](const ::testing::TestParamInfo<StoryParam>& info) {
                             return std::string(info.param.mode == LogWriter::Mode::Append
                                                    ? "Append"
                                                    : "Overwrite") +
                                    "Seed" + std::to_string(info.param.seed);
                         });

}  // namespace
}  // namespace gcscope::follow::test
