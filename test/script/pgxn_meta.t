#!/usr/bin/env python3
# META.json against the PGXN Meta Spec 1.0.0 (https://pgxn.org/meta/spec.txt).
# Debian 12 packages no META validator (only pgxnclient, which does not
# validate), so the spec's rules are checked here: required keys, no unknown
# keys (custom keys start with x_), terms, semantic versions, licence names,
# provides, prereqs phases, relationships and version ranges, resources,
# meta-spec.  The checker is first shown to reject broken documents, so a pass
# means something; then META.json must pass, and its versions must equal the
# control file's default_version.
import copy
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import ok, is_, done  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SEMVER = (r'(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)'
          r'(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?')
VERSION_RANGE = re.compile(r'^((([=!]=|[<>]=?)\s*)?(%s|0))(,\s*(([=!]=|[<>]=?)\s*)?%s)*$' % (SEMVER, SEMVER))
TERM = re.compile(r'^[^/\\\s\x00-\x1f\x7f]{2,}$')
TAG = re.compile(r'^[^/\\\x00-\x1f\x7f]{2,255}$')
URI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$')
LICENSES = {'agpl_3', 'apache_1_1', 'apache_2_0', 'artistic_1', 'artistic_2', 'bsd', 'freebsd', 'gfdl_1_2',
            'gfdl_1_3', 'gpl_1', 'gpl_2', 'gpl_3', 'lgpl_2_1', 'lgpl_3_0', 'mit', 'mozilla_1_0', 'mozilla_1_1',
            'openssl', 'perl_5', 'postgresql', 'qpl_1_0', 'ssleay', 'sun', 'zlib', 'open_source', 'restricted',
            'unrestricted', 'unknown'}
REQUIRED = ['name', 'version', 'abstract', 'maintainer', 'license', 'provides', 'meta-spec']
OPTIONAL = ['description', 'generated_by', 'tags', 'no_index', 'prereqs', 'release_status', 'resources']
PHASES = ['configure', 'build', 'test', 'runtime', 'develop']
RELATIONS = ['requires', 'recommends', 'suggests', 'conflicts']


def is_semver(v):
    return isinstance(v, str) and re.fullmatch(SEMVER, v) is not None


def nonempty_str(v):
    return isinstance(v, str) and v != ''


def keys_allowed(obj, allowed, where, errs):
    for k in obj:
        if k not in allowed and not re.match(r'^[xX]_.', k):
            errs.append('%s: unknown key "%s"' % (where, k))


def validate(meta, root=None):
    """Every way meta breaks the spec, as messages (empty: valid).  root, when
    given, is the distribution directory the provides/docfile paths must exist in."""
    errs = []
    if not isinstance(meta, dict):
        return ['the document is not an object']
    for k in REQUIRED:
        if k not in meta:
            errs.append('missing required key "%s"' % k)
    keys_allowed(meta, REQUIRED + OPTIONAL, 'top level', errs)
    if 'name' in meta and not (isinstance(meta['name'], str) and TERM.match(meta['name'])):
        errs.append('name is not a term (2+ characters, no slash, backslash, space or control character)')
    if 'version' in meta and not is_semver(meta['version']):
        errs.append('version %r is not a semantic version' % (meta['version'],))
    if 'abstract' in meta and not nonempty_str(meta['abstract']):
        errs.append('abstract is not a non-empty string')
    for k in ('description', 'generated_by'):
        if k in meta and not nonempty_str(meta[k]):
            errs.append('%s is not a non-empty string' % k)
    m = meta.get('maintainer')
    if 'maintainer' in meta and not (nonempty_str(m) or (isinstance(m, list) and m and len(set(m)) == len(m)
                                                         and all(nonempty_str(x) for x in m))):
        errs.append('maintainer is not a string or a list of distinct strings')
    lic = meta.get('license')
    if 'license' in meta:
        if isinstance(lic, str):
            if lic not in LICENSES:
                errs.append('license "%s" is not a known PGXN licence name' % lic)
        elif isinstance(lic, list):
            if not lic or len(set(map(str, lic))) != len(lic) or any(x not in LICENSES for x in lic):
                errs.append('license list must hold distinct known licence names')
        elif isinstance(lic, dict):
            if not lic or any(not (isinstance(u, str) and URI.match(u)) for u in lic.values()):
                errs.append('license object must map names to URIs')
        else:
            errs.append('license must be a name, a list of names or an object of URIs')
    prov = meta.get('provides')
    if 'provides' in meta:
        if not isinstance(prov, dict) or not prov:
            errs.append('provides must be a non-empty object')
        else:
            for ext, e in prov.items():
                if not TERM.match(ext):
                    errs.append('provides: "%s" is not a term' % ext)
                if not isinstance(e, dict):
                    errs.append('provides.%s is not an object' % ext)
                    continue
                keys_allowed(e, ['file', 'version', 'abstract', 'docfile', 'docpath'], 'provides.' + ext, errs)
                for k in ('file', 'version'):
                    if k not in e:
                        errs.append('provides.%s: missing "%s"' % (ext, k))
                if 'version' in e and not is_semver(e['version']):
                    errs.append('provides.%s.version %r is not a semantic version' % (ext, e['version']))
                if 'abstract' in e and not nonempty_str(e['abstract']):
                    errs.append('provides.%s.abstract is empty' % ext)
                for k in ('file', 'docfile'):
                    if k in e:
                        p = e[k]
                        if not (isinstance(p, str) and len(p) >= 2 and not p.startswith('/') and '\\' not in p):
                            errs.append('provides.%s.%s is not a relative unix path' % (ext, k))
                        elif root and not os.path.isfile(os.path.join(root, p)):
                            errs.append('provides.%s.%s: %s is not in the distribution' % (ext, k, p))
    ms = meta.get('meta-spec')
    if 'meta-spec' in meta:
        if not isinstance(ms, dict) or 'version' not in ms:
            errs.append('meta-spec must be an object with a version')
        else:
            keys_allowed(ms, ['version', 'url'], 'meta-spec', errs)
            if not (isinstance(ms['version'], str) and re.fullmatch(r'1\.0\.\d+', ms['version'])):
                errs.append('meta-spec.version must be 1.0.x')
            if 'url' in ms and ms['url'] not in ('https://pgxn.org/meta/spec.txt', 'http://pgxn.org/meta/spec.txt'):
                errs.append('meta-spec.url is not the spec\'s address')
    pre = meta.get('prereqs')
    if 'prereqs' in meta:
        if not isinstance(pre, dict) or not any(p in pre for p in PHASES):
            errs.append('prereqs must be an object with at least one phase')
        else:
            keys_allowed(pre, PHASES, 'prereqs', errs)
            for phase, rels in pre.items():
                if phase not in PHASES:
                    continue
                if not isinstance(rels, dict) or not any(r in rels for r in RELATIONS):
                    errs.append('prereqs.%s must hold at least one relationship' % phase)
                    continue
                keys_allowed(rels, RELATIONS, 'prereqs.' + phase, errs)
                for rel, deps in rels.items():
                    if rel not in RELATIONS:
                        continue
                    if not isinstance(deps, dict) or not deps:
                        errs.append('prereqs.%s.%s must be a non-empty object' % (phase, rel))
                        continue
                    for name, rng in deps.items():
                        if not TERM.match(name):
                            errs.append('prereqs.%s.%s: "%s" is not a term' % (phase, rel, name))
                        if not (rng == 0 and not isinstance(rng, bool)) and not (
                                isinstance(rng, str) and VERSION_RANGE.match(rng)):
                            errs.append('prereqs.%s.%s.%s: %r is not a version range' % (phase, rel, name, rng))
    res = meta.get('resources')
    if 'resources' in meta:
        if not isinstance(res, dict) or not any(k in res for k in ('homepage', 'bugtracker', 'repository')):
            errs.append('resources must hold a homepage, bugtracker or repository')
        else:
            keys_allowed(res, ['homepage', 'bugtracker', 'repository'], 'resources', errs)
            if 'homepage' in res and not (isinstance(res['homepage'], str) and URI.match(res['homepage'])):
                errs.append('resources.homepage is not a URI')
            bt = res.get('bugtracker')
            if bt is not None:
                if not isinstance(bt, dict) or not ('web' in bt or 'mailto' in bt):
                    errs.append('resources.bugtracker needs web or mailto')
                else:
                    keys_allowed(bt, ['web', 'mailto'], 'resources.bugtracker', errs)
            rp = res.get('repository')
            if rp is not None:
                if not isinstance(rp, dict) or not ('web' in rp or ('url' in rp and 'type' in rp)):
                    errs.append('resources.repository needs web, or url and type')
                else:
                    keys_allowed(rp, ['url', 'web', 'type'], 'resources.repository', errs)
                    if 'type' in rp and not re.fullmatch(r'[a-z]+', str(rp['type'])):
                        errs.append('resources.repository.type must be lower case')
    tags = meta.get('tags')
    if 'tags' in meta and not (isinstance(tags, list) and tags and len(set(tags)) == len(tags)
                               and all(isinstance(t, str) and TAG.match(t) for t in tags)):
        errs.append('tags must be a list of distinct tags (2 to 255 characters, no slash or control character)')
    if 'release_status' in meta and meta['release_status'] not in ('stable', 'testing', 'unstable'):
        errs.append('release_status must be stable, testing or unstable')
    ni = meta.get('no_index')
    if 'no_index' in meta:
        if not isinstance(ni, dict) or not ('file' in ni or 'directory' in ni):
            errs.append('no_index needs file or directory')
        else:
            keys_allowed(ni, ['file', 'directory'], 'no_index', errs)
    return errs


with open(os.path.join(ROOT, 'META.json'), encoding='utf-8') as f:
    text = f.read()
try:
    meta = json.loads(text)
    ok(True, 'META.json is JSON')
except ValueError as e:
    ok(False, 'META.json is JSON', str(e))
    done()

# The checker rejects what the spec rejects (each one breaks one rule).
breakers = {
    'no name': lambda m: m.pop('name'),
    'no meta-spec': lambda m: m.pop('meta-spec'),
    'an unknown top-level key': lambda m: m.update(homepage='https://example.org/'),
    'a two-part version': lambda m: m.update(version='0.2'),
    'a licence PGXN does not know': lambda m: m.update(license='postgres'),
    'an extension without a version': lambda m: m['provides']['careleaver'].pop('version'),
    'an extension file outside the distribution': lambda m: m['provides']['careleaver'].update(file='sql/none.sql'),
    'a phase without relationships': lambda m: m['prereqs'].update(runtime={}),
    'a bad version range': lambda m: m['prereqs']['runtime']['requires'].update(PostgreSQL='15'),
    'meta-spec 2.0.0': lambda m: m['meta-spec'].update(version='2.0.0'),
    'resources with neither homepage, bugtracker nor repository': lambda m: m.update(resources={}),
    'a name with a space': lambda m: m.update(name='care leaver'),
}
for what, breaker in breakers.items():
    broken = copy.deepcopy(meta)
    breaker(broken)
    ok(validate(broken, ROOT) != [], 'the checker rejects %s' % what)
ok(validate({'name': 'pair', 'abstract': 'A key/value pair data type', 'version': '0.1.8',
             'maintainer': 'theory <theory@pgxn.org>', 'license': 'postgresql',
             'provides': {'pair': {'file': 'sql/pair.sql', 'version': '0.1.8'}},
             'meta-spec': {'version': '1.0.0'}}) == [],
   'the checker accepts a minimal document of the spec\'s own shape')

errs = validate(meta, ROOT)
ok(errs == [], 'META.json follows the PGXN Meta Spec 1.0.0', '\n'.join(errs))

with open(os.path.join(ROOT, 'careleaver.control'), encoding='utf-8') as f:
    control = f.read()
default_version = re.search(r"^default_version\s*=\s*'([^']*)'", control, re.M).group(1)
is_(meta.get('version'), default_version, 'META.json version = careleaver.control default_version')
is_(meta.get('provides', {}).get('careleaver', {}).get('version'), default_version,
    'provides.careleaver.version = careleaver.control default_version')
comment = re.search(r"^comment\s*=\s*'([^']*)'", control, re.M).group(1)
is_(meta.get('abstract'), comment, 'META.json abstract = the control file\'s comment')
done()
