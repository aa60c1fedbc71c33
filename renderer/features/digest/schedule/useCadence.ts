import type { CadenceState } from '../../../../shared/model/digest-schedule';
import { useCoreEvent, useCoreValue } from '../../../core/CoreContext';

/** The digest schedules and notices, kept current (this window's changes, the app's timer, the CLI). */
export function useCadence(): [CadenceState | undefined, (state: CadenceState) => void] {
  const [state, setState] = useCoreValue((client) => client.call('cadence-state', {}));
  useCoreEvent('cadence-changed', setState);
  return [state, setState];
}
