import { useTranslation } from 'react-i18next';
import { changesProblem } from './change-lines';

/** The --change lines of docker commit and docker import, checked as they are typed. */
export function ChangeLinesField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const problem = changesProblem(t, value);
  return (
    <label className="field">
      <span className="field__label">{t('moves.changes')}</span>
      <textarea className="input moves__changes" rows={3} spellCheck={false} placeholder={'CMD ["sh", "-c", "echo hello"]\nENV MODE=production'} value={value} onChange={(e) => onChange(e.target.value)} />
      {problem && <span className="field__problem">{problem}</span>}
    </label>
  );
}

export { changeLines, changesProblem } from './change-lines';
