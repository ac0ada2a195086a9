#include "panels/display_format.hpp"

#include <cmath>

namespace gcscope::ui {

QString formatCount(uint64_t n) {
    QString digits = QString::number(n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3) digits.insert(i, QLatin1Char(','));
    return digits;
}

QString formatFixed(double v, int decimals, const QString& unit) {
    if (!std::isfinite(v)) return kAbsentText;
    QString text = QString::number(v, 'f', decimals);
    if (!unit.isEmpty()) text += QLatin1Char(' ') + unit;
    return text;
}

QString formatDuration(double ms) {
    if (!std::isfinite(ms)) return kAbsentText;
    const double a = std::abs(ms);
    if (a < 1 && a > 0) return formatFixed(ms * 1000, 0, QStringLiteral("µs"));
    if (a < 1000) return formatFixed(ms, a < 100 ? 1 : 0, QStringLiteral("ms"));
    if (a < 60'000) return formatFixed(ms / 1000, 2, QStringLiteral("s"));
    if (a < 3'600'000) return formatFixed(ms / 60'000, 1, QStringLiteral("min"));
    return formatFixed(ms / 3'600'000, 1, QStringLiteral("h"));
}

QString formatPause(double ms) {
    return formatFixed(ms, 2, QStringLiteral("ms"));
}

QString formatMb(double mb) {
    return formatFixed(mb, 1, QStringLiteral("MB"));
}

QString formatPercent(double pct) {
    return formatFixed(pct, 2, QStringLiteral("%"));
}

QString isolateLabel(const parser::IsolateKey& key, const std::string& isolate_text) {
    QString label = key.known() ? QStringLiteral("pid %1").arg(key.pid) : QStringLiteral("no pid");
    if (!isolate_text.empty())
        label += QStringLiteral(" · ") + QString::fromStdString(isolate_text);
    return label;
}

}  // namespace gcscope::ui
