#pragma once

#include <QtGlobal>

#include <cstddef>
#include <initializer_list>

namespace dermdesk::demo {

// splitmix64: a small, fast generator whose output is the same on every platform and standard
// library (std:: distributions are not), so a seed always gives the same demo clinic.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
        : m_state(seed)
    {
    }

    // An independent stream for one part of the demo (one patient, one session, ...): the same
    // (seed, stream) always gives the same numbers, whatever else was drawn before.
    [[nodiscard]] static DemoRandom stream(quint64 seed, quint64 stream)
    {
        DemoRandom mixer(seed ^ (stream * 0xD1B54A32D192ED03ULL));
        mixer.next();
        return DemoRandom(mixer.next());
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [low, high], both included; `low` when high < low.
    int between(int low, int high)
    {
        if (high < low)
            return low;
        return low + int(next() % quint64(qint64(high) - low + 1));
    }

    // Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

    // True with probability `p` (0..1).
    bool chance(double p) { return unit() < p; }

    // An index into `weights`, each chosen in proportion to its (non-negative) weight; 0 when all are 0.
    int weighted(std::initializer_list<int> weights)
    {
        int total = 0;
        for (int w : weights)
            total += w;
        if (total <= 0)
            return 0;
        int draw = between(0, total - 1);
        int index = 0;
        for (int w : weights) {
            if (draw < w)
                return index;
            draw -= w;
            ++index;
        }
        return index - 1;
    }

    template<typename T, std::size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[std::size_t(between(0, int(N) - 1))];
    }

private:
    quint64 m_state;
};

} // namespace dermdesk::demo
