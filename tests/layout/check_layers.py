#!/usr/bin/env python3
"""Checks the include directions of DermDesk's folders.

core/ folders and ui/ folders each form a stack: a folder may include its own files and those of folders below
it, never one above. core never includes ui; ui includes any core folder. Prints every include that breaks the
order (file, line, the include) and exits 1 when there is one.
"""
import os
import re
import sys

CORE = ['common', 'storage', 'clinic', 'patients', 'calendar', 'treatment', 'agenda', 'education', 'records', 'demo',
        'session']
UI = ['widgets', 'print', 'schedule', 'handouts', 'patientfile', 'plans', 'settings', 'frontdesk', 'shell']

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def layer_of(path):
    """('core'|'ui', index) of a repository-relative path, or None."""
    parts = path.split('/')
    if len(parts) >= 3 and parts[0] == 'core' and parts[1] in CORE:
        return 'core', CORE.index(parts[1])
    if len(parts) >= 3 and parts[0] == 'ui' and parts[1] in UI:
        return 'ui', UI.index(parts[1])
    return None


def target_of(including, include, root):
    """The repository-relative path an include names, the way the build resolves it."""
    beside = os.path.normpath(os.path.join(os.path.dirname(including), include))
    if os.path.exists(os.path.join(root, beside)):
        return beside
    for base in ('', 'core/'):
        candidate = base + include
        if os.path.exists(os.path.join(root, candidate)):
            return candidate
    return None


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
    problems = []
    for top in ('core', 'ui'):
        for folder, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith(('.h', '.cpp')):
                    continue
                path = os.path.relpath(os.path.join(folder, name), root)
                source = layer_of(path)
                if source is None:
                    continue
                with open(os.path.join(root, path), encoding='utf-8') as text:
                    for number, line in enumerate(text, 1):
                        match = INCLUDE.match(line)
                        if not match:
                            continue
                        target = target_of(path, match.group(1), root)
                        if target is None:
                            continue
                        layer = layer_of(target)
                        if layer is None:
                            continue
                        if source[0] == 'core' and layer[0] == 'ui':
                            problems.append(f'{path}:{number}: core includes ui: "{match.group(1)}"')
                        elif source[0] == layer[0] and layer[1] > source[1]:
                            order = CORE if source[0] == 'core' else UI
                            problems.append(f'{path}:{number}: {source[0]}/{order[source[1]]} includes the higher '
                                            f'{layer[0]}/{order[layer[1]]}: "{match.group(1)}"')
    for problem in problems:
        print(problem)
    if problems:
        print(f'{len(problems)} include(s) against the folder order (core: {" < ".join(CORE)}; '
              f'ui: {" < ".join(UI)})')
        return 1
    print('Every include follows the folder order.')
    return 0


if __name__ == '__main__':
    sys.exit(main())
