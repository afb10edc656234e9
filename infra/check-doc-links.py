#!/usr/bin/env python3
"""Every relative markdown link in README.md and docs/*.md must name an existing file, and its #anchor a heading."""
import re, sys, os, glob  # usage: infra/check-doc-links.py [repository root]
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
def slug(h):
    s = re.sub(r'[^\w\- ]', '', h.strip().lower())
    return s.replace(' ', '-')
def headings(path):
    out, fence = set(), False
    for line in open(path, encoding='utf-8'):
        if line.startswith('```'): fence = not fence; continue
        m = None if fence else re.match(r'^#+ (.*)$', line.rstrip('\n'))
        if m: out.add(slug(re.sub(r'`', '', m.group(1))))
    return out
bad = 0; n = 0
files = [os.path.join(root, 'README.md')] + sorted(glob.glob(os.path.join(root, 'docs', '*.md')))
for f in files:
    text = open(f, encoding='utf-8').read()
    text = re.sub(r'```.*?```', '', text, flags=re.S)  # links inside code blocks are not links
    for m in re.finditer(r'!?\[[^\]]*\]\(([^)\s]+)\)', text):
        target = m.group(1)
        if re.match(r'^[a-z]+:', target): continue
        n += 1
        path, _, anchor = target.partition('#')
        full = os.path.normpath(os.path.join(os.path.dirname(f), path)) if path else f
        if not os.path.exists(full):
            print(f'{os.path.relpath(f, root)}: missing {target}'); bad += 1; continue
        if anchor and full.endswith('.md') and anchor not in headings(full):
            print(f'{os.path.relpath(f, root)}: no heading #{anchor} in {os.path.relpath(full, root)}'); bad += 1
print(f'{n} relative links checked, {bad} broken')
sys.exit(1 if bad else 0)
