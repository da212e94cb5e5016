import { useOutletContext } from 'react-router';
import type { Me } from '../../../api/session.js';

/** The signed-in person, as the app shell passes it to every page under it. */
export function useMe(): Me {
  return useOutletContext<Me>();
}
