import type { CaseView } from '@vigie/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { CASE_LEADS_KEY, CASES_KEY, fetchCaseLeads, updateCase } from '../api/cases.api';

/**
 * The case's lead, chosen among the colleagues who can work its tips. The current lead stays
 * listed even if no longer one of them (disabled since), so the choice never changes by itself.
 */
export function CaseLeadField({ data }: { data: CaseView }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const leads = useQuery({ queryKey: CASE_LEADS_KEY, queryFn: ({ signal }) => fetchCaseLeads(signal) });
  const save = useMutation({
    mutationFn: (leadId: string | null) => updateCase(data.id, { version: data.version, leadId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: CASES_KEY }),
  });
  const people = leads.data ?? [];
  const listed = !data.lead || people.some((p) => p.id === data.lead?.id);
  return (
    <div className="case-lead">
      <label htmlFor={id}>{t('desk.cases.leadLabel')}</label>
      <select
        id={id}
        className="field__input case-lead__select"
        value={data.lead?.id ?? ''}
        disabled={leads.isPending || save.isPending}
        onChange={(event) => save.mutate(event.target.value || null)}
      >
        <option value="">{t('desk.cases.noLead')}</option>
        {!listed && data.lead && <option value={data.lead.id}>{data.lead.displayName}</option>}
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName}
          </option>
        ))}
      </select>
      {(save.isError || leads.isError) && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, save.error ?? leads.error)}</p>
        </Notice>
      )}
    </div>
  );
}
