namespace Requests.Contracts;
