#include "DemoPeople.h"

#include "DemoVocabulary.h"

#include "DemoRandom.h"

#include <QCoreApplication>

#include <array>
#include <span>

namespace dermdesk::demo {

namespace {

using vocabulary::tr;

// A name as written, and in Latin letters where the script is not Latin (nullptr: fold `native`).
struct Name
{
    const char *native = nullptr;
    const char *latin = nullptr;
    const char *nickname = nullptr;
};

struct Culture
{
    int weight;
    std::span<const Name> women;
    std::span<const Name> men;
    std::span<const Name> families;
    // Family names of women where the language inflects them (Иванова, Παπαδοπούλου); else empty.
    std::span<const Name> familiesOfWomen;
};

constexpr Name usWomen[] = {{"Emily"},
                            {"Sarah"},
                            {"Jessica", nullptr, "Jess"},
                            {"Ashley"},
                            {"Megan"},
                            {"Lauren"},
                            {"Rachel"},
                            {"Amanda", nullptr, "Mandy"},
                            {"Olivia"},
                            {"Madison", nullptr, "Maddie"},
                            {"Hannah"},
                            {"Abigail", nullptr, "Abby"},
                            {"Jennifer", nullptr, "Jen"},
                            {"Brittany"},
                            {"Kayla"},
                            {"Nicole"},
                            {"Stephanie"},
                            {"Taylor"},
                            {"Morgan"},
                            {"Elizabeth", nullptr, "Liz"},
                            {"Katherine", nullptr, "Kate"},
                            {"Grace"},
                            {"Chloe"},
                            {"Allison"}};
constexpr Name usMen[] = {{"Michael", nullptr, "Mike"},
                          {"David"},
                          {"James"},
                          {"Christopher", nullptr, "Chris"},
                          {"Matthew", nullptr, "Matt"},
                          {"Ryan"},
                          {"Daniel", nullptr, "Dan"},
                          {"Andrew"},
                          {"Tyler"}};
constexpr Name usFamilies[] = {{"Smith"},   {"Johnson"}, {"Williams"}, {"Brown"},    {"Jones"},  {"Miller"},
                               {"Davis"},   {"Wilson"},  {"Anderson"}, {"Taylor"},   {"Thomas"}, {"Moore"},
                               {"Jackson"}, {"Martin"},  {"Lee"},      {"Thompson"}, {"White"},  {"Harris"},
                               {"Clark"},   {"Lewis"},   {"Robinson"}, {"Walker"},   {"Young"},  {"Allen"},
                               {"King"},    {"Wright"},  {"Scott"},    {"Green"},    {"Baker"},  {"Adams"},
                               {"Nelson"},  {"Hill"},    {"Campbell"}, {"Mitchell"}, {"Carter"}, {"O'Connor"}};

constexpr Name hispanicWomen[] = {{"María"},     {"Lucía"},  {"Sofía"},
                                  {"Valentina"}, {"Camila"}, {"Carmen"},
                                  {"Isabel"},    {"Ximena"}, {"Guadalupe", nullptr, "Lupe"},
                                  {"Inés"},      {"Mariana"}};
constexpr Name hispanicMen[] = {{"José"}, {"Alejandro", nullptr, "Alex"}, {"Javier"}, {"Andrés"}, {"Mateo"}};
constexpr Name hispanicFamilies[] = {{"García"}, {"Rodríguez"}, {"Martínez"}, {"Hernández"}, {"López"},  {"González"},
                                     {"Pérez"},  {"Sánchez"},   {"Ramírez"},  {"Torres"},    {"Flores"}, {"Rivera"},
                                     {"Gómez"},  {"Díaz"},      {"Muñoz"},    {"Peña"},      {"Ibáñez"}};

constexpr Name europeanWomen[] = {{"Zoë"},   {"Chloé"}, {"Anaïs"},   {"Renée"}, {"Małgorzata", nullptr, "Gosia"},
                                  {"Björk"}, {"Åsa"},   {"Siobhán"}, {"Þóra"},  {"Ingrid"},
                                  {"Léa"}};
constexpr Name europeanMen[] = {{"Jürgen"}, {"Søren"}, {"Björn"}, {"Ólafur"}, {"François"}, {"Łukasz"}};
constexpr Name europeanFamilies[] = {{"Brontë"},    {"Müller"},  {"Sigurðsson"}, {"Østergaard"}, {"Lefèvre"},
                                     {"Kowalczyk"}, {"Dvořák"},  {"Schäfer"},    {"Čapek"},      {"Ó Briain"},
                                     {"Åberg"},     {"Jönsson"}, {"Weiß"}};

constexpr Name vietnameseWomen[] = {{"Thị Lan"}, {"Thu Hương"}, {"Ngọc Anh"}, {"Minh Châu"}, {"Bảo Ngọc"}};
constexpr Name vietnameseMen[] = {{"Văn Minh"}, {"Quốc Bảo"}, {"Đức Anh"}};
constexpr Name vietnameseFamilies[] = {{"Nguyễn"}, {"Trần"}, {"Lê"}, {"Phạm"}, {"Hoàng"}, {"Võ"}, {"Đặng"}};

constexpr Name chineseWomen[] = {{"芳", "Fang"}, {"静", "Jing"},      {"丽", "Li"},
                                 {"敏", "Min"},  {"秀英", "Xiuying"}, {"嘉怡", "Jiayi"}};
constexpr Name chineseMen[] = {{"伟", "Wei"}, {"磊", "Lei"}, {"浩然", "Haoran"}};
constexpr Name chineseFamilies[] = {{"王", "Wang"}, {"李", "Li"},   {"张", "Zhang"}, {"刘", "Liu"},
                                    {"陈", "Chen"}, {"杨", "Yang"}, {"黄", "Huang"}, {"周", "Zhou"}};

constexpr Name japaneseWomen[] = {{"花子", "Hanako"},
                                  {"陽菜", "Hina"},
                                  {"結衣", "Yui"},
                                  {"美咲", "Misaki"},
                                  {"さくら", "Sakura"}};
constexpr Name japaneseMen[] = {{"翔", "Sho"}, {"健太", "Kenta"}};
constexpr Name japaneseFamilies[] = {{"佐藤", "Sato"},   {"鈴木", "Suzuki"}, {"高橋", "Takahashi"},
                                     {"田中", "Tanaka"}, {"伊藤", "Ito"},    {"渡辺", "Watanabe"}};

constexpr Name russianWomen[] = {{"Анна", "Anna"},
                                 {"Ольга", "Olga"},
                                 {"Наталья", "Natalya", "Наташа"},
                                 {"Екатерина", "Ekaterina", "Катя"},
                                 {"Мария", "Maria"}};
constexpr Name russianMen[] = {{"Дмитрий", "Dmitry", "Дима"}, {"Сергей", "Sergey"}};
constexpr Name russianFamilies[] = {{"Иванов", "Ivanov"},
                                    {"Смирнов", "Smirnov"},
                                    {"Кузнецов", "Kuznetsov"},
                                    {"Попов", "Popov"},
                                    {"Соколов", "Sokolov"}};
constexpr Name russianFamiliesOfWomen[] = {{"Иванова", "Ivanova"},
                                           {"Смирнова", "Smirnova"},
                                           {"Кузнецова", "Kuznetsova"},
                                           {"Попова", "Popova"},
                                           {"Соколова", "Sokolova"}};

constexpr Name greekWomen[] = {{"Σοφία", "Sofia"}, {"Ελένη", "Eleni"}, {"Κατερίνα", "Katerina"}, {"Μαρία", "Maria"}};
constexpr Name greekMen[] = {{"Γιώργος", "Giorgos"}, {"Νίκος", "Nikos"}};
constexpr Name greekFamilies[] = {{"Παπαδόπουλος", "Papadopoulos"},
                                  {"Παπαδάκης", "Papadakis"},
                                  {"Οικονόμου", "Oikonomou"},
                                  {"Γεωργίου", "Georgiou"}};
constexpr Name greekFamiliesOfWomen[] = {{"Παπαδοπούλου", "Papadopoulou"},
                                         {"Παπαδάκη", "Papadaki"},
                                         {"Οικονόμου", "Oikonomou"},
                                         {"Γεωργίου", "Georgiou"}};

constexpr Name arabicWomen[] = {{"فاطمة", "Fatima"}, {"ليلى", "Layla"}, {"نور", "Noor"}, {"مريم", "Maryam"}};
constexpr Name arabicMen[] = {{"محمد", "Mohammed"}, {"يوسف", "Youssef"}, {"علي", "Ali"}};
constexpr Name arabicFamilies[] = {{"علي", "Ali"},
                                   {"حسن", "Hassan"},
                                   {"الخطيب", "Alkhatib"},
                                   {"منصور", "Mansour"},
                                   {"حداد", "Haddad"}};

constexpr Name koreanWomen[] = {{"지민", "Jimin"}, {"서연", "Seoyeon"}, {"수빈", "Subin"}};
constexpr Name koreanMen[] = {{"민준", "Minjun"}};
constexpr Name koreanFamilies[] = {{"김", "Kim"}, {"이", "Lee"}, {"박", "Park"}, {"최", "Choi"}};

constexpr Name indianWomen[] = {{"Priya"}, {"Ananya"}, {"Aditi"}, {"Kavya"}, {"Neha"}};
constexpr Name indianMen[] = {{"Rohan"}, {"Arjun"}};
constexpr Name indianFamilies[] = {{"Patel"}, {"Sharma"}, {"Iyer"}, {"Reddy"}, {"Gupta"}, {"Nair"}};

constexpr Name westAfricanWomen[] = {{"Chiamaka", nullptr, "Chi"}, {"Ngozi"}, {"Adaeze", nullptr, "Ada"}, {"Amara"}};
constexpr Name westAfricanMen[] = {{"Oluwaseun", nullptr, "Seun"}, {"Kwame"}};
constexpr Name westAfricanFamilies[] = {{"Okafor"}, {"Adeyemi"}, {"Mensah"}, {"Okonkwo"}, {"Eze"}};

const std::array<Culture, 12> cultures{{
    {40, usWomen, usMen, usFamilies, {}},
    {15, hispanicWomen, hispanicMen, hispanicFamilies, {}},
    {7, europeanWomen, europeanMen, europeanFamilies, {}},
    {4, vietnameseWomen, vietnameseMen, vietnameseFamilies, {}},
    {4, chineseWomen, chineseMen, chineseFamilies, {}},
    {3, japaneseWomen, japaneseMen, japaneseFamilies, {}},
    {3, russianWomen, russianMen, russianFamilies, russianFamiliesOfWomen},
    {2, greekWomen, greekMen, greekFamilies, greekFamiliesOfWomen},
    {3, arabicWomen, arabicMen, arabicFamilies, {}},
    {2, koreanWomen, koreanMen, koreanFamilies, {}},
    {5, indianWomen, indianMen, indianFamilies, {}},
    {3, westAfricanWomen, westAfricanMen, westAfricanFamilies, {}},
}};

// The names every demo clinic has: {given, family, Latin letters for e-mail}.
constexpr std::array<std::array<const char *, 3>, 10> featured{{
    {"José", "García", nullptr},
    {"Zoë", "Brontë", nullptr},
    {"Jürgen", "Müller", nullptr},
    {"Ólafur", "Sigurðsson", nullptr},
    {"Thị Lan", "Nguyễn", nullptr},
    {"伟", "王", "wei.wang"},
    {"花子", "佐藤", "hanako.sato"},
    {"Дмитрий", "Иванов", "dmitry.ivanov"},
    {"Σοφία", "Παπαδοπούλου", "sofia.papadopoulou"},
    {"محمد", "علي", "mohammed.ali"},
}};

constexpr std::array<int, 5> areaCodes{404, 470, 678, 770, 706};
constexpr std::array<const char *, 10> streets{"Maple",  "Peachtree", "Oak",    "Magnolia",       "Dogwood",
                                               "Willow", "Cedar",     "Laurel", "Holcomb Bridge", "Old Milton"};
constexpr std::array<const char *, 7> streetKinds{"Street", "Avenue", "Road", "Lane", "Drive", "Court", "Way"};
constexpr std::array<std::pair<const char *, const char *>, 8> towns{{{"Alpharetta", "30009"},
                                                                      {"Roswell", "30075"},
                                                                      {"Milton", "30004"},
                                                                      {"Johns Creek", "30097"},
                                                                      {"Cumming", "30040"},
                                                                      {"Marietta", "30062"},
                                                                      {"Atlanta", "30305"},
                                                                      {"Duluth", "30096"}}};
constexpr std::array<const char *, 4> emailDomains{"example.com", "example.net", "example.org", "mail.example"};

constexpr std::array<const char *, 6> allergies{
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Latex"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Penicillin"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Nickel"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Fragrance mix"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Tetracaine (topical): use lidocaine only"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Tree nuts"),
};
constexpr std::array<const char *, 5> medications{
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Levothyroxine 50 mcg daily"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Oral contraceptive"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Sertraline 50 mg daily"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Lisinopril 10 mg daily"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Vitamin D 1000 IU"),
};
constexpr std::array<const char *, 5> notes{
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Prefers text reminders the day before"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Nervous about needles: explain each step"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Uses a wheelchair: book the ground-floor rooms"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Wants visible results before a family wedding"),
    QT_TRANSLATE_NOOP("dermdesk::DemoClinicGenerator", "Spanish interpreter helpful"),
};

template<typename T>
const T &pickFrom(DemoRandom &rng, std::span<const T> items)
{
    return items[std::size_t(rng.between(0, int(items.size()) - 1))];
}

QString phoneNumber(DemoRandom &rng)
{
    const int area = areaCodes[std::size_t(rng.between(0, int(areaCodes.size()) - 1))];
    const int line = rng.between(100, 199);
    switch (rng.weighted({50, 25, 15, 10})) {
    case 0:
        return QStringLiteral("(%1) 555-%2").arg(area).arg(line, 4, 10, QLatin1Char('0'));
    case 1:
        return QStringLiteral("%1-555-%2").arg(area).arg(line, 4, 10, QLatin1Char('0'));
    case 2:
        return QStringLiteral("+1 %1-555-%2").arg(area).arg(line, 4, 10, QLatin1Char('0'));
    default:
        return QStringLiteral("%1.555.%2").arg(area).arg(line, 4, 10, QLatin1Char('0'));
    }
}

QString latinOf(const Name &name)
{
    return DemoPeople::asciiFold(QString::fromUtf8(name.latin ? name.latin : name.native));
}

} // namespace

QString DemoPeople::asciiFold(const QString &text)
{
    QString folded;
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    for (const QChar c : decomposed) {
        switch (c.unicode()) {
        case 0x0110: // Đ
        case 0x0111:
        case 0x00D0: // Ð
        case 0x00F0:
            folded += QLatin1Char('d');
            continue;
        case 0x0141: // Ł
        case 0x0142:
            folded += QLatin1Char('l');
            continue;
        case 0x00D8: // Ø
        case 0x00F8:
            folded += QLatin1Char('o');
            continue;
        case 0x00DF: // ß
            folded += QLatin1String("ss");
            continue;
        case 0x00DE: // Þ
        case 0x00FE:
            folded += QLatin1String("th");
            continue;
        default:
            break;
        }
        if (c.unicode() < 128 && c.isLetter())
            folded += c.toLower();
    }
    return folded;
}

DemoPerson DemoPeople::person(quint64 seed, int index, int count, QDate firstVisit, QDate today)
{
    DemoRandom rng = DemoRandom::stream(seed, 0x200000000ULL + quint64(index));
    DemoPerson p;
    QString given;
    QString family;

    const int spacing = qMax(1, count / int(featured.size()));
    const bool isFeatured = index % spacing == spacing / 2 && index / spacing < int(featured.size());
    const bool woman = rng.chance(0.82);
    const Culture &culture = cultures[std::size_t(rng.weighted({40, 15, 7, 4, 4, 3, 3, 2, 3, 2, 5, 3}))];
    const Name &first = pickFrom(rng, woman ? culture.women : culture.men);
    const int familyIndex = rng.between(0, int(culture.families.size()) - 1);
    const Name &last = (woman && !culture.familiesOfWomen.empty()) ? culture.familiesOfWomen[std::size_t(familyIndex)]
                                                                   : culture.families[std::size_t(familyIndex)];
    if (isFeatured) {
        const auto &name = featured[std::size_t(index / spacing)];
        p.givenName = QString::fromUtf8(name[0]);
        p.familyName = QString::fromUtf8(name[1]);
        given = name[2] ? QString::fromUtf8(name[2]).section(QLatin1Char('.'), 0, 0) : asciiFold(p.givenName);
        family = name[2] ? QString::fromUtf8(name[2]).section(QLatin1Char('.'), 1, 1) : asciiFold(p.familyName);
    } else {
        p.givenName = QString::fromUtf8(first.native);
        p.familyName = QString::fromUtf8(last.native);
        if (first.nickname && rng.chance(0.5))
            p.preferredName = QString::fromUtf8(first.nickname);
        given = latinOf(first);
        family = latinOf(last);
    }

    // An adult from the first visit (18+) to today (75 at most).
    const int yearsSinceFirstVisit = int(firstVisit.daysTo(today) / 365) + 1;
    const int youngest = qMin(18 + yearsSinceFirstVisit, 75);
    const int ageToday = qMax(youngest, qMin(75, 24 + rng.between(0, 20) + rng.between(0, 24)));
    p.birthDate = today.addYears(-ageToday).addDays(-rng.between(0, 364));

    p.phone = phoneNumber(rng);
    if (rng.chance(0.2))
        p.phoneHome = phoneNumber(rng);
    if (rng.chance(0.88)) {
        const QString domain =
            QString::fromLatin1(emailDomains[std::size_t(rng.between(0, int(emailDomains.size()) - 1))]);
        QString local;
        switch (rng.between(0, 3)) {
        case 0:
            local = given + QLatin1Char('.') + family;
            break;
        case 1:
            local = given.left(1) + family;
            break;
        case 2:
            local = given + QLatin1Char('_') + family;
            break;
        default:
            local = given + family + QString::number(rng.between(10, 99));
            break;
        }
        p.email = local + QLatin1Char('@') + domain;
    }
    if (rng.chance(0.7)) {
        const auto &town = towns[std::size_t(rng.between(0, int(towns.size()) - 1))];
        p.address = QStringLiteral("%1 %2 %3, %4, GA %5")
                        .arg(rng.between(100, 9899))
                        .arg(QString::fromLatin1(streets[std::size_t(rng.between(0, int(streets.size()) - 1))]),
                             QString::fromLatin1(streetKinds[std::size_t(rng.between(0, int(streetKinds.size()) - 1))]),
                             QString::fromLatin1(town.first), QString::fromLatin1(town.second));
    }
    if (rng.chance(0.3))
        p.emergencyContact = tr("Partner: %1").arg(phoneNumber(rng));
    const int channel = rng.weighted({35, 40, p.email.isEmpty() ? 0 : 20, 5});
    static const std::array<QString, 4> channels{QStringLiteral("phone"), QStringLiteral("sms"),
                                                 QStringLiteral("email"), QStringLiteral("post")};
    p.preferredChannel = channels[std::size_t(channel)];
    p.reminderConsent = rng.chance(0.8);
    p.fitzpatrick = rng.chance(0.85) ? 1 + rng.weighted({8, 22, 28, 20, 12, 10}) : 0;
    if (rng.chance(0.12))
        p.allergies = tr(allergies[std::size_t(rng.between(0, int(allergies.size()) - 1))]);
    if (rng.chance(0.15))
        p.medications = tr(medications[std::size_t(rng.between(0, int(medications.size()) - 1))]);
    if (rng.chance(0.08))
        p.notes = tr(notes[std::size_t(rng.between(0, int(notes.size()) - 1))]);
    return p;
}

} // namespace dermdesk::demo
