import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '../common/domain-error';

/**
 * A domain error is an answer, not a failure: hand it to GraphQL's error formatter without
 * Nest logging it as an unexpected exception.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError): DomainError {
    return error;
  }
}
