#include "DemoVocabulary.h"
#include "common/Translation.h"

#include <QCoreApplication>
#include <QStringList>

#include <array>

namespace dermdesk::demo::vocabulary {

namespace {

constexpr std::array<const char *, ConcernCount> concerns{
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "skin texture"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "fine lines and wrinkles"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "acne scars"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "skin tone and hyperpigmentation"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "stretch marks"),
};

struct AreaSpec
{
    const char *name;
    double depthMm;
};

constexpr std::array<AreaSpec, AreaCount> areas{{
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "face"), 1.0},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "forehead"), 0.5},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "cheeks"), 1.0},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "periorbital"), 0.5},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "perioral"), 0.75},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "neck"), 0.5},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "abdomen"), 1.5},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "thighs"), 1.5},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "hips"), 1.5},
    {QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "upper arms"), 1.0},
}};

constexpr std::array<const char *, ConcernCount> goals{
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Smoother, more even skin texture"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Softer fine lines around the eyes and mouth"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Visibly shallower acne scars"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "A more even tone with fewer dark patches"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Less visible stretch marks"),
};

constexpr std::array<const char *, DeviceCount> devices{"SkinPen Precision", "Dermapen 4", "Eclipse MicroPen Elite"};
constexpr std::array<const char *, DeviceCount> lotPrefixes{"SP", "DP4", "EMP"};
constexpr std::array<const char *, NumbingCount> numbings{
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Topical lidocaine 4%, 20 minutes"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Topical lidocaine 7%, 20 minutes"),
};
constexpr std::array<const char *, ProductsCount> productSets{
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Hyaluronic acid serum"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Hyaluronic acid serum, growth-factor serum"),
};
constexpr std::array<const char *, ReactionCount> reactions{"none",           "mild_redness",      "moderate_redness",
                                                            "strong_redness", "pinpoint_bleeding", "swelling"};
constexpr std::array<const char *, SessionNoteCount> sessionNotes{
    "",
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Tolerated well; aftercare explained again"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Asked for a short break halfway; continued comfortably"),
};

struct CancelSpec
{
    CancelCategory category;
    const char *detail;
};

constexpr std::array<CancelSpec, CancellationCount> cancelReasons{{
    {CancelCategory::Other, ""},
    {CancelCategory::PatientRequest, ""},
    {CancelCategory::Illness, ""},
    {CancelCategory::Clinic, QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "practitioner unavailable")},
    {CancelCategory::PatientRequest, QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "called on the day")},
}};

constexpr std::array<const char *, StopReasonCount> stopReasons{
    "",
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Course paused: no suitable time within the interval"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Patient moved away"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Pregnancy: treatment paused"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Satisfied with the result after fewer sessions"),
};

constexpr std::array<const char *, NoteCount> notes{
    "",
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Referred by a friend"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Found the clinic online"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Asked about downtime before a wedding"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Bring a list of current skincare products"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Sensitive around the eyes: go gently"),
};

template<std::size_t N>
QString listOf(const std::array<const char *, N> &names, quint32 bits)
{
    QStringList parts;
    for (std::size_t i = 0; i < N; ++i) {
        if ((bits & (1U << i)) != 0)
            parts.append(tr(names[i]));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString concernName(int concern)
{
    return tr(concerns[std::size_t(concern)]);
}

QString areaName(int area)
{
    return tr(areas[std::size_t(area)].name);
}

double plannedDepthMm(int area, quint32 concernBits)
{
    double depth = areas[std::size_t(area)].depthMm;
    if ((concernBits & (1U << AcneScars)) != 0 && area == Cheeks)
        depth += 0.5;
    return qBound(0.5, depth, 2.0);
}

double sessionDepthMm(int area, quint32 concernBits, int sequence)
{
    const double planned = plannedDepthMm(area, concernBits);
    if (area == Periorbital || area == Forehead || area == Neck)
        return planned;
    return qMin(planned + 0.25 * qBound(0, sequence - 1, 2), 2.0);
}

quint32 areasFor(quint32 concernBits, bool withNeck)
{
    quint32 result = 0;
    if ((concernBits & (1U << Texture)) != 0)
        result |= (1U << Face) | (1U << Forehead);
    if ((concernBits & (1U << Tone)) != 0)
        result |= 1U << Face;
    if ((concernBits & (1U << AcneScars)) != 0)
        result |= (1U << Face) | (1U << Cheeks);
    if ((concernBits & (1U << FineLines)) != 0)
        result |= (1U << Periorbital) | (1U << Perioral);
    if (withNeck)
        result |= 1U << Neck;
    return result;
}

QString concernList(quint32 bits)
{
    return listOf(concerns, bits);
}

QString areaList(quint32 bits)
{
    std::array<const char *, AreaCount> names{};
    for (std::size_t i = 0; i < names.size(); ++i)
        names[i] = areas[i].name;
    return listOf(names, bits);
}

QString goalsFor(quint32 concernBits)
{
    for (std::size_t i = 0; i < goals.size(); ++i) {
        if ((concernBits & (1U << i)) != 0)
            return tr(goals[i]);
    }
    return {};
}

QString device(int index)
{
    return QString::fromLatin1(devices[std::size_t(index)]);
}

QString lotPrefix(int index)
{
    return QString::fromLatin1(lotPrefixes[std::size_t(index)]);
}

QString numbing(int index)
{
    return tr(numbings[std::size_t(index)]);
}

QString products(int index)
{
    return tr(productSets[std::size_t(index)]);
}

QString reaction(int index)
{
    return QString::fromLatin1(reactions[std::size_t(index)]);
}

QString sessionNote(int index)
{
    return tr(sessionNotes[std::size_t(index)]);
}

CancelReason cancelReason(int reason)
{
    const CancelSpec &spec = cancelReasons[std::size_t(reason)];
    return {spec.category, spec.detail[0] != '\0' ? tr(spec.detail) : QString()};
}

QString stopReason(int reason)
{
    return tr(stopReasons[std::size_t(reason)]);
}

QString appointmentNote(int note)
{
    return tr(notes[std::size_t(note)]);
}

QString screeningDetail(const QString &questionCode)
{
    static constexpr std::array<std::pair<const char *, const char *>, 15> details{{
        {"skin_infection", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Cold sore on the upper lip")},
        {"inflammatory_acne", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Flare on the chin and jaw")},
        {"isotretinoin", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Course for acne, finished")},
        {"anticoagulants", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Apixaban, daily")},
        {"pregnancy", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Breastfeeding")},
        {"keloid", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Raised scar after ear piercing")},
        {"eczema_psoriasis_rosacea", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Rosacea on both cheeks")},
        {"diabetes_immune", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Type 2 diabetes, on metformin")},
        {"retinoid", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Tretinoin cream at night")},
        {"chemical_peel", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Glycolic peel at another clinic")},
        {"laser", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Fractional laser, face")},
        {"neurotoxin", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Forehead and frown lines")},
        {"filler", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Lips")},
        {"radiation", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Course finished")},
        {"metal_lidocaine_allergy", QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Nickel (rash from jewellery)")},
    }};
    for (const auto &[code, detail] : details) {
        if (questionCode == QLatin1String(code))
            return tr(detail);
    }
    return {};
}

} // namespace dermdesk::demo::vocabulary
