// Shared by the chart_*_test.cpp suites: a sample log read into a session on the test's thread,
// and a chart laid out and drawn at a given size.
#pragma once

#include <gtest/gtest.h>

#include <QFile>
#include <QSize>
#include <memory>

#include "gcscope/parser/stream_parser.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui::charts::test {

inline const QString kSamples = QStringLiteral(GCSCOPE_SAMPLE_LOGS_DIR);

/// Reads a sample log into the session on this thread (what LogLoader does on its own).
inline void load(LogSession& session, const QString& name) {
    QFile file(kSamples + QLatin1Char('/') + name);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    const QByteArray bytes = file.readAll();
    model::Timeline& timeline = session.timeline();
    const uint32_t source = timeline.addSource(file.fileName().toStdString());
    parser::StreamParser parser(timeline);
    parser.feed(std::string_view(bytes.constData(), size_t(bytes.size())));
    parser.finish();
    timeline.setSourceStats(source, parser.stats());
    session.noteLoadStarted(int(source), file.fileName());
    session.noteDataAppended();
    session.noteLoadFinished(int(source), parser.stats(), QString());
}

template <class Chart>
std::unique_ptr<Chart> makeChart(LogSession& session, QSize size = QSize(1200, 400)) {
    auto chart = std::make_unique<Chart>(session);
    chart->resize(size);
    chart->layoutNow();
    chart->redrawNow();
    chart->layoutNow();
    return chart;
}

}  // namespace gcscope::ui::charts::test
