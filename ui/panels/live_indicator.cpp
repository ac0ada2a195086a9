#include "panels/live_indicator.hpp"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "session/log_session.hpp"

namespace gcscope::ui {

LiveIndicator::LiveIndicator(LogSession& session, QWidget* parent)
    : QWidget(parent), session_(session) {
    badge_ = new QLabel(tr("<b><font color='#d62728'>\u25CF</font> live</b>"), this);
    badge_->setToolTip(tr("A followed log grew in the last few seconds"));
    jump_ = new QPushButton(tr("Jump to live"), this);
    jump_->setToolTip(
        tr("Show the newest data again and keep it in view as it arrives (Ctrl+L). New data does "
           "not move the view while you look at another part of it."));
    connect(jump_, &QPushButton::clicked, &session, &LogSession::jumpToLive);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(jump_);
    layout->addWidget(badge_);

    connect(&session, &LogSession::liveChanged, this, &LiveIndicator::refresh);
    connect(&session, &LogSession::sourcesChanged, this, &LiveIndicator::refresh);
    connect(&session, &LogSession::dataAppended, this, &LiveIndicator::refresh);
    tick_.setInterval(1000);
    connect(&tick_, &QTimer::timeout, this, &LiveIndicator::refresh);
    refresh();
}

bool LiveIndicator::badgeShown() const {
    return !badge_->isHidden();
}

bool LiveIndicator::jumpShown() const {
    return !jump_->isHidden();
}

void LiveIndicator::refresh() {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool live = false;
    for (int i = 0; i < session_.sourceCount(); ++i) live = live || session_.source(i).isLive(now);
    badge_->setVisible(live);
    jump_->setVisible(session_.anyFollowing() && !session_.isLive());
    if (live && !tick_.isActive()) tick_.start();
    if (!live) tick_.stop();
}

}  // namespace gcscope::ui
