#include "ui/patientfile/ScreeningBadge.h"

#include "ui/widgets/PaintedIcon.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace dermdesk::ui {

namespace {

bool isScreeningItself(const ScreeningFinding &finding)
{
    return finding.code == QLatin1String("screening.missing") || finding.code == QLatin1String("screening.out_of_date");
}

void drawLevel(QPainter &p, ScreeningBadge::Level level, const QColor &ink)
{
    const QPen pen(ink, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (level) {
    case ScreeningBadge::Level::Clear:
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawEllipse(QPointF(12, 12), 9.5, 9.5);
        p.setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QList<QPointF>{{7.5, 12.5}, {10.8, 15.8}, {16.8, 8.8}});
        break;
    case ScreeningBadge::Level::Caution: {
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawPolygon(QPolygonF(QList<QPointF>{{12, 2.5}, {22, 20.5}, {2, 20.5}}));
        p.setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(12, 8.5), QPointF(12, 14));
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(12, 17.3), 1.3, 1.3);
        break;
    }
    case ScreeningBadge::Level::OutOfDate:
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(12, 12), 9, 9);
        p.drawPolyline(QList<QPointF>{{12, 6.5}, {12, 12}, {16, 14.5}});
        break;
    case ScreeningBadge::Level::Stop: {
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const double angle = (22.5 + 45.0 * i) * M_PI / 180.0;
            octagon << QPointF(12 + 10 * std::cos(angle), 12 + 10 * std::sin(angle));
        }
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawPolygon(octagon);
        p.setPen(QPen(Qt::white, 2.6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(7, 12), QPointF(17, 12));
        break;
    }
    case ScreeningBadge::Level::Unknown:
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(12, 12), 9, 9);
        p.drawArc(QRectF(9, 6, 6, 6), 150 * 16, -240 * 16);
        p.drawLine(QPointF(12, 12), QPointF(12, 14));
        p.drawPoint(QPointF(12, 17.5));
        break;
    }
}

QStringList names(const QList<ScreeningFinding> &findings)
{
    QStringList list;
    for (const ScreeningFinding &finding : findings)
        list << finding.name;
    return list;
}

} // namespace

ScreeningBadge::ScreeningBadge(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("screeningBadge"));
    auto *pill = new QFrame(this);
    pill->setObjectName(QStringLiteral("screeningPill"));
    m_icon = new QLabel(pill);
    m_word = new QLabel(pill);
    m_word->setObjectName(QStringLiteral("screeningLevel"));
    QFont bold = m_word->font();
    bold.setBold(true);
    m_word->setFont(bold);
    auto *pillLayout = new QHBoxLayout(pill);
    pillLayout->setContentsMargins(8, 3, 12, 3);
    pillLayout->setSpacing(6);
    pillLayout->addWidget(m_icon);
    pillLayout->addWidget(m_word);

    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("screeningDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setMinimumWidth(1);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(pill, 0, Qt::AlignVCenter);
    layout->addWidget(m_detail, 1, Qt::AlignVCenter);
    setAccessibleName(tr("Screening status"));
    setUnknown(QString());
}

ScreeningBadge::Level ScreeningBadge::levelOf(const ScreeningOutcome &outcome)
{
    if (!outcome.stops.isEmpty())
        return Level::Stop;
    const bool realCaution = std::any_of(outcome.cautions.cbegin(), outcome.cautions.cend(),
                                         [](const ScreeningFinding &finding) { return !isScreeningItself(finding); });
    if (realCaution)
        return Level::Caution;
    return outcome.cautions.isEmpty() ? Level::Clear : Level::OutOfDate;
}

void ScreeningBadge::setOutcome(const ScreeningOutcome &outcome)
{
    const Level level = levelOf(outcome);
    QStringList parts = names(outcome.stops) + names(outcome.cautions);
    QString detail = parts.join(QStringLiteral(" \u00b7 "));
    if (level == Level::Clear)
        detail = tr("No contraindication applies to a treatment today.");
    show(level, detail);
    const bool neverScreened = level == Level::OutOfDate && outcome.cautions.size() == 1
                               && outcome.cautions.constFirst().code == QLatin1String("screening.missing");
    if (neverScreened) {
        m_word->setText(tr("Not screened"));
        m_detail->setText(tr("No screening answers recorded; go through the questionnaire before a treatment."));
    }
    QStringList tips;
    for (const ScreeningFinding &finding : outcome.stops + outcome.cautions)
        tips << finding.message;
    setToolTip(tips.join(QLatin1Char('\n')));
}

void ScreeningBadge::setUnknown(const QString &reason)
{
    show(Level::Unknown, reason);
    setToolTip(reason);
}

void ScreeningBadge::show(Level level, const QString &detail)
{
    m_level = level;
    const QColor ink = colour(level);
    m_icon->setPixmap(icon(level).pixmap(18, 18));
    m_word->setText(text(level));
    QPalette palette = m_word->palette();
    palette.setColor(QPalette::WindowText, ink.darker(115));
    m_word->setPalette(palette);
    m_detail->setText(detail);
    QColor tint = ink;
    tint.setAlphaF(0.13);
    findChild<QFrame *>(QStringLiteral("screeningPill"))
        ->setStyleSheet(QStringLiteral("#screeningPill { background: %1; border: 1px solid %2; border-radius: 12px; }")
                            .arg(tint.name(QColor::HexArgb), ink.lighter(130).name()));
    setAccessibleDescription(text(level) + QStringLiteral(": ") + detail);
}

QString ScreeningBadge::levelText() const
{
    return m_word->text();
}

QString ScreeningBadge::detailText() const
{
    return m_detail->text();
}

QColor ScreeningBadge::colour(Level level)
{
    switch (level) {
    case Level::Clear:
        return QColor(0x2e7d4f);
    case Level::Caution:
        return QColor(0xb7791f);
    case Level::OutOfDate:
        return QColor(0x8a6d3b);
    case Level::Stop:
        return QColor(0xb03a3a);
    case Level::Unknown:
        break;
    }
    return QColor(0x66727f);
}

QIcon ScreeningBadge::icon(Level level)
{
    return paintedIcon([level](QPainter &painter, const QColor &ink) { drawLevel(painter, level, ink); },
                       colour(level));
}

QString ScreeningBadge::text(Level level)
{
    switch (level) {
    case Level::Clear:
        return tr("Screening clear");
    case Level::Caution:
        return tr("Caution");
    case Level::OutOfDate:
        return tr("Screening out of date");
    case Level::Stop:
        return tr("Stop");
    case Level::Unknown:
        break;
    }
    return tr("Screening unknown");
}

} // namespace dermdesk::ui
