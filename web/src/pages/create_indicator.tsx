// Create an indicator: the pattern is checked as it is typed
// (POST /api/v1/validate, which stores nothing); the author and defaults are
// the server's; TLP and distribution are chosen explicitly, never defaulted.
import { useEffect, useState } from 'preact/hooks';
import { get, post, type Finding, type Session } from '../api';
import { ErrorMessage, TlpBadge } from '../components/common';
import { t, type MessageKey } from '../i18n';
import { navigate } from '../router';
import { tlpLevels, type Tlp } from '../stix';

interface Validation {
  valid: boolean;
  errors: Finding[];
  warnings: Finding[];
}

interface Group {
  id: string;
  name: string;
}

function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function Findings({ findings }: { findings: Finding[] }) {
  return (
    <ul class="findings">
      {findings.map((finding) => (
        <li key={`${finding.path}-${finding.rule}-${finding.message}`}>
          <code>{finding.path}</code> {finding.message}
        </li>
      ))}
    </ul>
  );
}

export function CreateIndicatorPage({ session }: { session: Session }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [pattern, setPattern] = useState('');
  const [validFrom, setValidFrom] = useState(localNow());
  const [tlp, setTlp] = useState<Tlp | ''>('');
  const [distribution, setDistribution] = useState('');
  const [groups, setGroups] = useState<Group[]>([]);
  const [validation, setValidation] = useState<Validation | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    get<{ groups: Group[] }>('/api/v1/groups').then((body) => setGroups(body.groups), setError);
  }, []);

  function draft() {
    const object: Record<string, string> = { type: 'indicator', spec_version: '2.1', pattern, pattern_type: 'stix' };
    if (name) object.name = name;
    if (description) object.description = description;
    if (validFrom) object.valid_from = new Date(validFrom).toISOString();
    const body: Record<string, unknown> = { object };
    if (tlp) body.tlp = tlp;
    if (distribution) body.distribution = distribution;
    return body;
  }

  // Live validation, a moment after the user stops typing.
  useEffect(() => {
    if (!pattern.trim()) {
      setValidation(null);
      return;
    }
    let current = true;
    setChecking(true);
    const timer = setTimeout(() => {
      post<Validation>('/api/v1/validate', draft()).then(
        (result) => {
          if (!current) return;
          setValidation(result);
          setError(null);
          setChecking(false);
        },
        (failure: unknown) => {
          if (!current) return;
          setError(failure);
          setChecking(false);
        },
      );
    }, 350);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [name, description, pattern, validFrom, tlp, distribution]);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await post<{ object: { id: string } }>('/api/v1/objects', draft());
      navigate(`/objects/${created.object.id}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  if (session.role === 'reader') {
    return (
      <section>
        <h1>{t('create.title')}</h1>
        <p>{t('create.readerOnly')}</p>
      </section>
    );
  }
  const ready = validation?.valid === true && !checking && tlp !== '' && distribution !== '';
  return (
    <section>
      <h1>{t('create.title')}</h1>
      <form class="create-form" onSubmit={submit}>
        <label>
          {t('create.name')}
          <input name="name" value={name} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <label>
          {t('create.description')}
          <textarea name="description" rows={2} value={description} onInput={(event) => setDescription(event.currentTarget.value)} />
        </label>
        <label>
          {t('create.pattern')}
          <textarea
            name="pattern"
            rows={3}
            required
            spellcheck={false}
            class="code"
            aria-describedby="pattern-help pattern-status"
            aria-invalid={validation?.valid === false}
            value={pattern}
            onInput={(event) => setPattern(event.currentTarget.value)}
          />
          <span id="pattern-help" class="muted small">
            {t('create.patternHelp')}
          </span>
        </label>
        <div id="pattern-status" class="validation" aria-live="polite" data-testid="validation">
          {checking && <p class="muted">{t('create.checking')}</p>}
          {!checking && validation?.valid === true && <p class="ok">{t('create.valid')}</p>}
          {!checking && validation?.valid === false && (
            <div class="error">
              <p>{t('create.invalid')}</p>
              <Findings findings={validation.errors} />
            </div>
          )}
          {!checking && validation && validation.warnings.length > 0 && (
            <div class="muted">
              <p>{t('create.warnings')}</p>
              <Findings findings={validation.warnings} />
            </div>
          )}
        </div>
        <label>
          {t('create.validFrom')}
          <input type="datetime-local" name="valid_from" value={validFrom} onInput={(event) => setValidFrom(event.currentTarget.value)} />
        </label>
        <fieldset class="choices">
          <legend>{t('create.tlp')}</legend>
          {tlpLevels.map((level) => (
            <label key={level} class="choice">
              <input type="radio" name="tlp" value={level} checked={tlp === level} onChange={() => setTlp(level)} />
              <TlpBadge tlp={level} />
            </label>
          ))}
        </fieldset>
        <label>
          {t('create.distribution')}
          <select name="distribution" required value={distribution} onChange={(event) => setDistribution(event.currentTarget.value)}>
            <option value="">{t('create.choose')}</option>
            {(['organisation', 'members', 'community'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`create.dist.${value}` as MessageKey)}
              </option>
            ))}
            {groups.map((group) => (
              <option key={group.id} value={`group:${group.id}`}>
                {group.name}
              </option>
            ))}
          </select>
        </label>
        <ErrorMessage error={error} />
        <button type="submit" class="primary" disabled={!ready || busy}>
          {t('create.submit')}
        </button>
      </form>
    </section>
  );
}
