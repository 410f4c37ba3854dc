import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/errors';
import type { Stream } from '../../api/contract';
import { FormField } from '../../components/FormField';
import { useSubmit } from '../../lib/useSubmit';
import { useSession } from '../auth/sessionContext';

/** Creates a stream in `scheduled`: `POST /api/streams`. */
export function CreateStreamForm({ onCreated }: { onCreated(stream: Stream): void }) {
  const { api } = useSession();
  const id = useId();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const { busy, run } = useSubmit();
  const [error, setError] = useState<Error | null>(null);

  const apiError = error instanceof ApiError ? error : null;
  const titleError = apiError?.field('title');
  const categoryError = apiError?.field('category');
  const generalError = error && !titleError && !categoryError ? error.message : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    await run(
      async () => {
        const stream = await api.createStream({ title: title.trim(), category: category.trim() });
        setTitle('');
        setCategory('');
        onCreated(stream);
      },
      (caught) => setError(caught instanceof Error ? caught : new Error(String(caught))),
    );
  }

  return (
    <form className="create-form" onSubmit={submit} noValidate>
      <FormField id={`${id}-title`} label="Title" className="field--grow" error={titleError}>
        <input
          id={`${id}-title`}
          className="input"
          data-testid="create-title"
          placeholder="Friday build session"
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${id}-title-error` : undefined}
        />
      </FormField>
      <FormField id={`${id}-category`} label="Category" error={categoryError}>
        <input
          id={`${id}-category`}
          className="input"
          data-testid="create-category"
          placeholder="coding"
          maxLength={80}
          list={`${id}-categories`}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          aria-invalid={categoryError ? true : undefined}
          aria-describedby={categoryError ? `${id}-category-error` : undefined}
        />
        <datalist id={`${id}-categories`}>
          <option value="coding" />
          <option value="gaming" />
          <option value="music" />
          <option value="just chatting" />
          <option value="art" />
        </datalist>
      </FormField>
      <div className="field field--action">
        <button className="button button--primary" type="submit" data-testid="create-submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create stream'}
        </button>
      </div>
      {generalError && (
        <p className="field-error create-form__error" role="alert">
          {generalError}
        </p>
      )}
    </form>
  );
}
