// Drag and drop of log files onto the main window, as an event filter: the window (and the charts,
// whose QGraphicsView ignores drops its scene does not take) pass drag events up to it.
#pragma once

#include <QObject>
#include <QStringList>

class QMimeData;

namespace gcscope::ui {

/// The local files a drag carries (non-file URLs are ignored).
QStringList localFiles(const QMimeData* mime);

/// Install on the main window (which must setAcceptDrops(true)). Accepts drags carrying at
/// least one local file and emits filesDropped() with them on drop.
class FileDropFilter : public QObject {
    Q_OBJECT
  public:
    using QObject::QObject;

  signals:
    void filesDropped(const QStringList& paths);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace gcscope::ui
